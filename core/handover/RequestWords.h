// SPDX-License-Identifier: MIT
// The words that carry a request's meaning, for grouping requests that ask the same thing:
// lower case, accents folded, French and English stop words dropped, a few common verbs
// brought to one word ("make", "add", "créer" -> create), and a light suffix stemming
// ("replicas" and "replica", "créez" and "créer", "failing" and "fails"). Pure, no dictionary
// download: good enough to see that six requests ask for a read replica.
#pragma once

#include <QSet>
#include <QString>

namespace RequestWords {

// The request's significant words, normalised and stemmed.
QSet<QString> of(const QString &text);
// One word as of() keeps it, or empty when it is a stop word or too short.
QString normalised(const QString &word);
// Lower case, accents and ligatures folded ("Réplica" -> "replica", "cœur" -> "coeur").
QString folded(const QString &text);

} // namespace RequestWords
