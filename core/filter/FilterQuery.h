// SPDX-License-Identifier: MIT
// The filter bar's grammar: parsed once, matched against every item many times. Pure: no
// widget, no clock of its own, safe to match from any thread.
//
//   query   := term (spaces term)*            every term must hold (AND)
//   term    := matcher | ["-"] word | ["-"] "quoted text"
//   matcher := name op value
//   name    := severity | source | state | owner | age | label:NAME | NAME (a label, see below)
//   op      := = | != | >= | <= | > | <
//   value   := word | "quoted, with \" and \\"
//
// A word is free text, matched case-insensitively anywhere in the item (title, id, source,
// state, owner, people, labels, project, reason). A name that is not a matcher is a label
// (`team=sre` is `label:team=sre`), unless it is a typo of one (one letter away, two for long
// names): then it is an error that says which.
#pragma once

#include "core/board/Item.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QString>

#include <functional>
#include <vector>

// A query that does not parse: where (0-based character index) and what, for a person.
struct FilterError {
    int position = -1;
    QString message;
    bool isError() const { return position >= 0; }
};

// What a match needs beyond the item itself, resolved once per pass over the items.
struct FilterContext {
    QString me;    // "owner=me": the person on the board
    QDateTime now; // for age
    // Who owns the item now (an acknowledgement through dutyboard, else the source's word);
    // null: Item::owner.
    std::function<QString(const Item &)> ownerOf;

    QString ownerOfItem(const Item &item) const { return ownerOf ? ownerOf(item) : item.owner; }
};

class FilterQuery {
public:
    enum class Field { Text, Severity, Source, State, Owner, Label, Age };
    enum class Op { Eq, Ne, Ge, Gt, Le, Lt };

    struct Term {
        Field field = Field::Text;
        Op op = Op::Eq;          // Text: Eq contains, Ne does not
        QString value;           // as typed (quotes removed)
        QString label;           // Label: the label's name
        int rank = 0;            // Severity: 1 (critical) .. 5 (unknown)
        qint64 seconds = 0;      // Age
        QRegularExpression glob; // a value with `*`: matched whole, case-insensitive
    };

    // The empty query: matches everything.
    FilterQuery() = default;
    // The query, or (with `error` set) the empty one.
    static FilterQuery parse(const QString &text, FilterError *error);

    bool isEmpty() const { return m_terms.empty(); }
    const QString &text() const { return m_text; }
    const std::vector<Term> &terms() const { return m_terms; }
    // Whether a match asks who owns the item (ownerships are then worth watching).
    bool usesOwner() const;

    bool matches(const Item &item, const FilterContext &context) const;

private:
    QString m_text;
    std::vector<Term> m_terms;
};
