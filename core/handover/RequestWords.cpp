// SPDX-License-Identifier: MIT
#include "RequestWords.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

namespace RequestWords {

namespace {

// Words that say nothing about what is asked, after folding (so "à" is "a", "s'il" is "s il").
// clang-format off
const char *const stopWords[] = {
    // English
    "a", "an", "the", "to", "of", "for", "in", "on", "at", "by", "with", "from", "and", "or", "is",
    "are", "be", "been", "was", "were", "it", "its", "this", "that", "these", "those", "i", "we",
    "you", "he", "she", "they", "me", "my", "our", "your", "us", "please", "can", "could", "would",
    "should", "will", "do", "does", "did", "not", "no", "cant", "cannot", "don", "t", "s", "need",
    "needs", "want", "hi", "hello", "hey", "thanks", "thank", "help", "again", "some", "any",
    "just", "get", "got", "have", "has", "how", "what", "when", "where", "who", "why", "which",
    "there", "here", "as", "if", "so", "up", "into", "about", "also", "still", "anyone", "someone",
    "urgent", "asap", "pls", "plz", "now", "today", "am",
    // French
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "ou", "en", "au", "aux",
    "est", "sont", "ce", "cet", "cette", "ces", "je", "j", "tu", "il", "elle", "nous", "vous",
    "ils", "elles", "m", "te", "se", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses",
    "notre", "nos", "votre", "vos", "leur", "leurs", "pour", "par", "sur", "dans", "avec", "sans",
    "pas", "ne", "n", "plus", "qui", "que", "qu", "quoi", "dont", "y", "bonjour", "salut", "merci",
    "svp", "stp", "plait", "peux", "peut", "pouvez", "pourriez", "pourrais", "besoin", "faut",
    "encore", "aussi", "moi", "toi", "c", "ca", "avoir", "ai", "on", "veux",
    "voudrais", "aujourd", "hui", "mais", "donc", "car", "ni", "si", "tout", "tous",
    "toute", "toutes", "deja", "toujours", "fait", "faire", "nouveau", "nouvelle", "new",
    "team", "equipe",
};
// clang-format on

// Verbs and words that say the same thing in the team's two languages, after folding.
// clang-format off
const std::pair<const char *, const char *> sameWords[] = {
    {"make", "create"}, {"add", "create"}, {"setup", "create"}, {"provision", "create"},
    {"creer", "create"}, {"cree", "create"}, {"creez", "create"}, {"ajouter", "create"},
    {"ajoute", "create"}, {"broken", "fail"}, {"error", "fail"}, {"erreur", "fail"},
    {"echoue", "fail"}, {"echec", "fail"}, {"plante", "fail"}, {"ko", "fail"}, {"failure", "fail"},
    {"marche", "fail"}, {"fonctionne", "fail"}, {"acces", "access"}, {"droits", "access"},
    {"permission", "access"}, {"permissions", "access"}, {"supprimer", "delete"},
    {"remove", "delete"}, {"lecture", "read"}, {"replique", "replica"}, {"bdd", "database"},
    {"db", "database"}, {"base", "database"}, {"mdp", "password"}, {"motdepasse", "password"},
};
// clang-format on

// Longest first; a stem keeps at least three letters.
// clang-format off
const char *const suffixes[] = {
    "ements", "ement", "ations", "ation", "ings", "ing", "ers", "ees", "ed", "es", "er", "ez", "s",
    "e",
};
// clang-format on

const QSet<QString> &stopSet() {
    static const QSet<QString> set = [] {
        QSet<QString> s;
        for (const char *w : stopWords)
            s.insert(QLatin1String(w));
        return s;
    }();
    return set;
}

const QHash<QString, QString> &sameSet() {
    static const QHash<QString, QString> map = [] {
        QHash<QString, QString> m;
        for (const auto &[from, to] : sameWords)
            m.insert(QLatin1String(from), QLatin1String(to));
        return m;
    }();
    return map;
}

QString stemmed(const QString &word) {
    for (const char *suffix : suffixes) {
        const QLatin1String s(suffix);
        if (word.size() - s.size() >= 3 && word.endsWith(s)) {
            if (s == QLatin1String("s") && word.endsWith(QLatin1String("ss")))
                continue;
            return word.left(word.size() - s.size());
        }
    }
    return word;
}

} // namespace

QString folded(const QString &text) {
    QString out;
    const QString decomposed = text.toLower().normalized(QString::NormalizationForm_KD);
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c == QChar(0x0153)) // œ
            out.append(QLatin1String("oe"));
        else if (c == QChar(0x00e6)) // æ
            out.append(QLatin1String("ae"));
        else if (c == QChar(0x00df)) // ß
            out.append(QLatin1String("ss"));
        else
            out.append(c);
    }
    return out;
}

QString normalised(const QString &word) {
    const QString w = folded(word);
    if (w.size() < 2 || stopSet().contains(w))
        return {};
    bool digits = true;
    for (const QChar c : w)
        digits = digits && c.isDigit();
    if (digits)
        return {}; // ticket numbers, sizes: not what is asked
    // "make" and "created" both end as "creat": the same word, stemmed like any other.
    const QString stem = stemmed(sameSet().value(w, w));
    const QString same = sameSet().value(stem);
    return same.isEmpty() ? stem : stemmed(same);
}

QSet<QString> of(const QString &text) {
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    QSet<QString> words;
    for (const QString &token : folded(text).split(separators, Qt::SkipEmptyParts)) {
        const QString w = normalised(token);
        if (!w.isEmpty())
            words.insert(w);
    }
    return words;
}

} // namespace RequestWords
