// SPDX-License-Identifier: MIT
#include "ItemMatch.h"

using nlohmann::json;

namespace {

std::string s(const QString &text) {
    return text.toStdString();
}

} // namespace

json itemToTestJson(const Item &item) {
    json people = json::array();
    for (const QString &person : item.people)
        people.push_back(s(person));
    return json{
        {"kind", s(itemKindPanelName(item.kind))},
        {"source", s(item.source)},
        {"id", s(item.id)},
        {"title", s(item.title)},
        {"state", s(item.state)},
        {"created", item.createdAt.isValid()
                        ? json(s(item.createdAt.toUTC().toString(Qt::ISODateWithMs)))
                        : json(nullptr)},
        {"people", people},
        {"owner", s(item.owner)},
        {"url", s(item.url)},
        {"severity", s(item.severity.name())},
        {"severity_label", s(item.severity.label())},
        {"severity_raw", s(item.severity.raw)},
        {"project", s(item.project)},
        {"reason", s(item.reason)},
        {"raised_by", s(item.raisedBy)},
        {"column", s(item.column)},
        {"due",
         item.due.isValid() ? json(s(item.due.toUTC().toString(Qt::ISODate))) : json(nullptr)},
    };
}

QString matchItems(const Items &actual, const json &expected) {
    if (!expected.is_array())
        return QStringLiteral("test bug: expected items must be an array");
    if (actual.size() != expected.size()) {
        json got = json::array();
        for (const Item &item : actual)
            got.push_back(itemToTestJson(item));
        return QStringLiteral("expected %1 items, got %2: %3")
            .arg(expected.size())
            .arg(actual.size())
            .arg(QString::fromStdString(got.dump()));
    }
    QStringList problems;
    for (std::size_t i = 0; i < actual.size(); ++i) {
        const json got = itemToTestJson(actual[i]);
        for (const auto &[key, want] : expected[i].items()) {
            if (!got.contains(key)) {
                problems.append(QStringLiteral("test bug: no item key \"%1\"")
                                    .arg(QString::fromStdString(key)));
            } else if (got[key] != want) {
                problems.append(QStringLiteral("item %1 %2: got %3, expected %4")
                                    .arg(i)
                                    .arg(QString::fromStdString(key),
                                         QString::fromStdString(got[key].dump()),
                                         QString::fromStdString(want.dump())));
            }
        }
    }
    return problems.join(QStringLiteral("; "));
}

QString matchPage(const ParsedPage &page, const json &expected) {
    QStringList problems;
    const QString wantError = QString::fromStdString(expected.value("error", std::string()));
    const QString wantPrefix =
        QString::fromStdString(expected.value("error_prefix", std::string()));
    if (!wantPrefix.isEmpty()) {
        if (!page.error.startsWith(wantPrefix))
            problems.append(QStringLiteral("error \"%1\", expected one starting \"%2\"")
                                .arg(page.error, wantPrefix));
    } else if (page.error != wantError) {
        problems.append(QStringLiteral("error \"%1\", expected \"%2\"").arg(page.error, wantError));
    }
    if (expected.contains("items")) {
        const QString items = matchItems(page.items, expected["items"]);
        if (!items.isEmpty())
            problems.append(items);
    } else if (!page.error.isEmpty() && !page.items.empty()) {
        problems.append(QStringLiteral("an error page must carry no items"));
    }
    // Always checked: a page must not leave items out unless the row says so.
    const QString wantUnreadable =
        QString::fromStdString(expected.value("unreadable", std::string()));
    if (unreadableText(page.unreadable) != wantUnreadable)
        problems.append(QStringLiteral("unreadable \"%1\", expected \"%2\"")
                            .arg(unreadableText(page.unreadable), wantUnreadable));
    if (expected.contains("next")) {
        const json &next = expected["next"];
        const QString got = page.next ? QString::fromUtf8(page.next->url) : QString();
        const QString want =
            next.is_string() ? QString::fromStdString(next.get<std::string>()) : QString();
        if (bool(page.next) != next.is_string() || got != want) {
            problems.append(QStringLiteral("next page \"%1\"%2, expected \"%3\"")
                                .arg(got, page.next ? QString() : QStringLiteral(" (none)"), want));
        }
    }
    return problems.join(QStringLiteral("; "));
}
