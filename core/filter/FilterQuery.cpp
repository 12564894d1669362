// SPDX-License-Identifier: MIT
#include "FilterQuery.h"

#include "core/board/ItemLabels.h"
#include "core/time/Duration.h"

#include <algorithm>

namespace {

using Field = FilterQuery::Field;
using Op = FilterQuery::Op;
using Term = FilterQuery::Term;

struct Matcher {
    const char *name;
    Field field;
};
constexpr Matcher matchers[] = {{"severity", Field::Severity}, {"source", Field::Source},
                                {"state", Field::State},       {"owner", Field::Owner},
                                {"age", Field::Age},           {"label", Field::Label}};

bool isNameChar(QChar c) {
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char(':') ||
           c == QLatin1Char('.') || c == QLatin1Char('-');
}

// Edits from one to the other, a swap of neighbours counting as one ("lable" is one from label).
int editDistance(const QString &a, const QString &b) {
    const size_t w = static_cast<size_t>(b.size()) + 1;
    std::vector<int> d((static_cast<size_t>(a.size()) + 1) * w);
    auto at = [&d, w](qsizetype i, qsizetype j) -> int & {
        return d[static_cast<size_t>(i) * w + static_cast<size_t>(j)];
    };
    for (qsizetype i = 0; i <= a.size(); ++i)
        at(i, 0) = static_cast<int>(i);
    for (qsizetype j = 0; j <= b.size(); ++j)
        at(0, j) = static_cast<int>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    }
    return at(a.size(), b.size());
}

// The matcher `name` is a typo of, or empty: one letter away, two for names of six or more.
QString typoOf(const QString &name) {
    for (const Matcher &m : matchers) {
        const QString known = QLatin1String(m.name);
        const int allowed = known.size() >= 6 ? 2 : 1;
        if (editDistance(name, known) <= allowed)
            return known;
    }
    return {};
}

QString opText(Op op) {
    switch (op) {
    case Op::Eq:
        return QStringLiteral("=");
    case Op::Ne:
        return QStringLiteral("!=");
    case Op::Ge:
        return QStringLiteral(">=");
    case Op::Gt:
        return QStringLiteral(">");
    case Op::Le:
        return QStringLiteral("<=");
    case Op::Lt:
        return QStringLiteral("<");
    }
    return {};
}

// Reads the operator at `pos` (advancing it); false when there is none.
bool readOp(const QString &text, qsizetype *pos, Op *op) {
    const QStringView rest = QStringView(text).mid(*pos);
    const struct {
        const char *text;
        Op op;
    } ops[] = {{"!=", Op::Ne}, {">=", Op::Ge}, {"<=", Op::Le},
               {"=", Op::Eq},  {">", Op::Gt},  {"<", Op::Lt}};
    for (const auto &o : ops) {
        if (rest.startsWith(QLatin1String(o.text))) {
            *op = o.op;
            *pos += static_cast<qsizetype>(qstrlen(o.text));
            return true;
        }
    }
    return false;
}

// A quoted string starting at `pos` (on the quote); false when it is not closed.
bool readQuoted(const QString &text, qsizetype *pos, QString *out) {
    qsizetype i = *pos + 1;
    out->clear();
    while (i < text.size()) {
        const QChar c = text[i];
        if (c == QLatin1Char('\\') && i + 1 < text.size()) {
            out->append(text[i + 1]);
            i += 2;
            continue;
        }
        if (c == QLatin1Char('"')) {
            *pos = i + 1;
            return true;
        }
        out->append(c);
        ++i;
    }
    return false;
}

// `*` stands for any text; the rest is matched as written, the whole value, in any case.
QRegularExpression globOf(const QString &value) {
    QStringList parts = value.split(QLatin1Char('*'));
    for (QString &part : parts)
        part = QRegularExpression::escape(part);
    return QRegularExpression(QStringLiteral("\\A") + parts.join(QStringLiteral(".*")) +
                                  QStringLiteral("\\z"),
                              QRegularExpression::CaseInsensitiveOption);
}

QString readWord(const QString &text, qsizetype *pos) {
    const qsizetype start = *pos;
    while (*pos < text.size() && !text[*pos].isSpace())
        ++*pos;
    return text.mid(start, *pos - start);
}

bool compareRank(int itemRank, Op op, int wanted) {
    // A lower rank is more severe: ">= high" is critical or high.
    switch (op) {
    case Op::Eq:
        return itemRank == wanted;
    case Op::Ne:
        return itemRank != wanted;
    case Op::Ge:
        return itemRank <= wanted;
    case Op::Gt:
        return itemRank < wanted;
    case Op::Le:
        return itemRank >= wanted;
    case Op::Lt:
        return itemRank > wanted;
    }
    return false;
}

bool compareAge(qint64 age, Op op, qint64 wanted) {
    switch (op) {
    case Op::Ge:
        return age >= wanted;
    case Op::Gt:
        return age > wanted;
    case Op::Le:
        return age <= wanted;
    case Op::Lt:
        return age < wanted;
    case Op::Eq:
    case Op::Ne:
        break;
    }
    return false;
}

bool equalsValue(const Term &term, const QString &actual) {
    if (term.glob.isValid() && !term.glob.pattern().isEmpty())
        return term.glob.match(actual).hasMatch();
    return actual.compare(term.value, Qt::CaseInsensitive) == 0;
}

bool textMatches(const Item &item, const QString &needle, const FilterContext &context) {
    auto has = [&needle](const QString &s) { return s.contains(needle, Qt::CaseInsensitive); };
    if (has(item.title) || has(item.id) || has(item.source) || has(item.state) ||
        has(item.project) || has(item.reason) || has(item.raisedBy) || has(item.severity.label()) ||
        has(context.ownerOfItem(item)))
        return true;
    return std::any_of(item.people.begin(), item.people.end(), has) ||
           std::any_of(item.labels.begin(), item.labels.end(), has);
}

bool termMatches(const Term &term, const Item &item, const FilterContext &context) {
    const bool wantEqual = term.op == Op::Eq;
    switch (term.field) {
    case Field::Text:
        return textMatches(item, term.value, context) == wantEqual;
    case Field::Severity:
        return compareRank(item.severity.rank(), term.op, term.rank);
    case Field::Source:
        return equalsValue(term, item.source) == wantEqual;
    case Field::State:
        return equalsValue(term, item.state) == wantEqual;
    case Field::Owner: {
        const QString owner = context.ownerOfItem(item);
        bool equal = false;
        if (term.value.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
            equal = owner.isEmpty();
        else if (term.value.compare(QLatin1String("me"), Qt::CaseInsensitive) == 0)
            equal = !owner.isEmpty() && owner.compare(context.me, Qt::CaseInsensitive) == 0;
        else
            equal = equalsValue(term, owner);
        return equal == wantEqual;
    }
    case Field::Label: {
        QString value;
        const bool has = itemLabelValue(item.labels, term.label, &value);
        return (has && equalsValue(term, value)) == wantEqual;
    }
    case Field::Age:
        if (!item.createdAt.isValid() || !context.now.isValid())
            return false; // an age the source did not give is no age at all
        return compareAge(item.createdAt.secsTo(context.now), term.op, term.seconds);
    }
    return false;
}

class Parser {
public:
    explicit Parser(const QString &text)
        : m_text(text) {}

    bool run(std::vector<Term> *terms, FilterError *error) {
        while (true) {
            while (m_pos < m_text.size() && m_text[m_pos].isSpace())
                ++m_pos;
            if (m_pos >= m_text.size())
                return true;
            Term term;
            if (!readTerm(&term))
                break;
            terms->push_back(std::move(term));
        }
        *error = m_error;
        return false;
    }

private:
    bool fail(qsizetype at, const QString &message) {
        m_error = {static_cast<int>(at), message};
        return false;
    }

    bool readTerm(Term *term) {
        const qsizetype start = m_pos;
        const bool negated = m_text[m_pos] == QLatin1Char('-') && m_pos + 1 < m_text.size() &&
                             !m_text[m_pos + 1].isSpace();
        if (negated)
            ++m_pos;
        if (m_text[m_pos] == QLatin1Char('"')) {
            if (!readQuoted(m_text, &m_pos, &term->value))
                return fail(m_pos, QStringLiteral("the quote opened here is not closed"));
            term->op = negated ? Op::Ne : Op::Eq;
            return true;
        }
        qsizetype nameEnd = m_pos;
        while (nameEnd < m_text.size() && isNameChar(m_text[nameEnd]))
            ++nameEnd;
        qsizetype afterOp = nameEnd;
        Op op = Op::Eq;
        if (negated || nameEnd == m_pos || !readOp(m_text, &afterOp, &op)) {
            term->value = readWord(m_text, &m_pos);
            if (negated && term->value.isEmpty())
                return fail(start, QStringLiteral("nothing to leave out after `-`"));
            term->op = negated ? Op::Ne : Op::Eq;
            return true;
        }
        const QString name = m_text.mid(m_pos, nameEnd - m_pos).toLower();
        m_pos = afterOp;
        if (!readField(name, start, term))
            return false;
        term->op = op;
        const qsizetype valueAt = m_pos;
        if (m_pos < m_text.size() && m_text[m_pos] == QLatin1Char('"')) {
            if (!readQuoted(m_text, &m_pos, &term->value))
                return fail(valueAt, QStringLiteral("the quote opened here is not closed"));
        } else {
            term->value = readWord(m_text, &m_pos);
        }
        if (term->value.isEmpty())
            return fail(valueAt, QStringLiteral("`%1%2` needs a value").arg(name, opText(op)));
        return readValue(name, start, valueAt, term);
    }

    bool readField(const QString &name, qsizetype at, Term *term) {
        if (name.startsWith(QLatin1String("label:"))) {
            term->field = Field::Label;
            term->label = m_text.mid(at + 6, name.size() - 6);
            if (term->label.isEmpty())
                return fail(at, QStringLiteral("`label:` needs a label's name, as in "
                                               "label:team=payments"));
            return true;
        }
        for (const Matcher &m : matchers) {
            if (name == QLatin1String(m.name)) {
                if (m.field == Field::Label)
                    return fail(at, QStringLiteral("`label` needs a label's name, as in "
                                                   "label:team=payments"));
                term->field = m.field;
                return true;
            }
        }
        const qsizetype colon = name.indexOf(QLatin1Char(':'));
        const QString stem = colon < 0 ? name : name.left(colon);
        const QString typo = typoOf(stem);
        if (colon >= 0 && typo == QLatin1String("label"))
            return fail(at, QStringLiteral("unknown matcher `%1` (did you mean label:%2?)")
                                .arg(name, name.mid(colon + 1)));
        if (colon >= 0)
            return fail(at, QStringLiteral("unknown matcher `%1` (only label: takes a name, as "
                                           "in label:team=payments)")
                                .arg(name));
        if (!typo.isEmpty())
            return fail(at,
                        QStringLiteral("unknown matcher `%1` (did you mean %2?)").arg(name, typo));
        // Any other name is a label: `team=sre`.
        term->field = Field::Label;
        term->label = m_text.mid(at, name.size());
        return true;
    }

    bool readValue(const QString &name, qsizetype at, qsizetype valueAt, Term *term) {
        const bool ordered = term->op != Op::Eq && term->op != Op::Ne;
        switch (term->field) {
        case Field::Severity: {
            const Severity s = severityFromText(term->value);
            const bool unknown =
                term->value.compare(QLatin1String("unknown"), Qt::CaseInsensitive) == 0;
            if (s.level == SeverityLevel::Unknown && !unknown)
                return fail(valueAt, QStringLiteral("unknown severity `%1` (expected critical, "
                                                    "high, warning, info or unknown)")
                                         .arg(term->value));
            term->rank = s.rank();
            return true;
        }
        case Field::Age:
            if (!ordered)
                return fail(at, QStringLiteral("`age` compares with >, >=, < or <=, as in "
                                               "age>1h"));
            term->seconds = parseDuration(term->value);
            if (term->seconds < 0)
                return fail(valueAt, QStringLiteral("`%1` is not a duration (expected one such "
                                                    "as 30m, 2h or 1d)")
                                         .arg(term->value));
            return true;
        case Field::Source:
        case Field::State:
        case Field::Owner:
        case Field::Label:
            if (ordered)
                return fail(at,
                            QStringLiteral("`%1` compares with = or != only")
                                .arg(term->field == Field::Label ? QStringLiteral("label") : name));
            if (term->value.contains(QLatin1Char('*')))
                term->glob = globOf(term->value);
            return true;
        case Field::Text:
            break;
        }
        return true;
    }

    const QString &m_text;
    qsizetype m_pos = 0;
    FilterError m_error;
};

} // namespace

FilterQuery FilterQuery::parse(const QString &text, FilterError *error) {
    *error = {};
    FilterQuery query;
    Parser parser(text);
    if (!parser.run(&query.m_terms, error))
        return {};
    query.m_text = text;
    return query;
}

bool FilterQuery::usesOwner() const {
    return std::any_of(m_terms.begin(), m_terms.end(), [](const Term &t) {
        return t.field == Field::Owner || t.field == Field::Text;
    });
}

bool FilterQuery::matches(const Item &item, const FilterContext &context) const {
    return std::all_of(m_terms.begin(), m_terms.end(),
                       [&](const Term &t) { return termMatches(t, item, context); });
}
