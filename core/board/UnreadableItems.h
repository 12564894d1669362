// SPDX-License-Identifier: MIT
// Entries of an answer that could not be read (a field of the wrong type, a missing id) and were
// left out, so that one bad item never hides the others: how many, and where the first one went
// wrong. Counted by the connectors, added up over pages, carried to the source's health.
#pragma once

#include <QString>

struct UnreadableItems {
    int count = 0;
    QString firstPointer;  // "/3/fingerprint": where in its page the first one went wrong
    QString firstExpected; // "a string": what was expected there

    // One more entry left out; the first one stays the one named.
    void add(const QString &pointer, const QString &expected);
    // Another page's: the counts add up, the first stays the first.
    void add(const UnreadableItems &more);

    bool operator==(const UnreadableItems &o) const {
        return count == o.count && firstPointer == o.firstPointer &&
               firstExpected == o.firstExpected;
    }
    bool operator!=(const UnreadableItems &o) const { return !(*this == o); }
};

// "1 item unreadable: /0/fingerprint expected a string", "3 items unreadable: …" (the first
// one's place); empty when every item was read.
QString unreadableText(const UnreadableItems &unreadable);
