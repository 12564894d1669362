// SPDX-License-Identifier: MIT
#include "KanbanColumns.h"

#include "core/config/ConfigError.h"

namespace {

using json = nlohmann::json;

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

// A tracker source's "columns" (see CardColumns) must name the board's columns: a typo would
// otherwise send its cards to "Unmapped" without a word. Shapes are the connector's to check.
void checkSourceColumns(const KanbanConfig &config, const json &root) {
    const auto sources = root.find("sources");
    if (sources == root.end() || !sources->is_array())
        return;
    for (size_t i = 0; i < sources->size(); ++i) {
        const json &source = (*sources)[i];
        const auto columns = source.is_object() ? source.find("columns") : source.end();
        if (!source.is_object() || columns == source.end() || !columns->is_object())
            continue;
        for (const auto &[from, to] : columns->items()) {
            if (!to.is_string())
                continue;
            Item probe;
            probe.kind = ItemKind::Card;
            probe.column = q(to.get<std::string>());
            if (kanbanColumnFor(config, probe) == kanbanUnmappedColumn())
                throw ConfigError(QStringLiteral("/sources/%1/columns/").arg(i) + q(from),
                                  QStringLiteral("expected one of the Kanban columns, not "
                                                 "\"%1\"")
                                      .arg(probe.column));
        }
    }
}

} // namespace

KanbanConfig KanbanConfig::defaults() {
    KanbanConfig c;
    for (const char *name :
         {"Value engineering", "Dive-in", "Work in progress", "Done", "What's next"})
        c.columns.push_back({QString::fromUtf8(name), std::nullopt});
    return c;
}

QString kanbanUnmappedColumn() {
    return QStringLiteral("Unmapped");
}

QString kanbanPullColumn() {
    return QStringLiteral("What's next");
}

KanbanConfig parseKanbanConfig(const json &root) {
    if (!root.is_object())
        return KanbanConfig::defaults();
    const auto section = root.find("kanban");
    if (section == root.end()) {
        KanbanConfig defaults = KanbanConfig::defaults();
        checkSourceColumns(defaults, root);
        return defaults;
    }
    const QString where = QStringLiteral("/kanban");
    if (!section->is_object())
        throw ConfigError(where, QStringLiteral("expected an object with \"columns\" and \"map\""));

    KanbanConfig c;
    const auto columns = section->find("columns");
    if (columns == section->end()) {
        c.columns = KanbanConfig::defaults().columns;
    } else {
        if (!columns->is_array() || columns->empty())
            throw ConfigError(where + QStringLiteral("/columns"),
                              QStringLiteral("expected a non-empty array such as "
                                             "[{\"name\":\"Dive-in\",\"wip\":1}]"));
        for (size_t i = 0; i < columns->size(); ++i) {
            const json &col = (*columns)[i];
            const QString at = where + QStringLiteral("/columns/") + QString::number(i);
            const auto name = col.is_object() ? col.find("name") : col.end();
            if (!col.is_object() || name == col.end() || !name->is_string() ||
                name->get_ref<const std::string &>().empty())
                throw ConfigError(at + QStringLiteral("/name"),
                                  QStringLiteral("expected a column name string"));
            KanbanColumnSpec spec{q(name->get<std::string>()), std::nullopt};
            if (spec.name == kanbanUnmappedColumn())
                throw ConfigError(at + QStringLiteral("/name"),
                                  QStringLiteral("\"Unmapped\" is reserved for unknown states"));
            for (const KanbanColumnSpec &other : c.columns) {
                if (other.name.compare(spec.name, Qt::CaseInsensitive) == 0)
                    throw ConfigError(at + QStringLiteral("/name"),
                                      QStringLiteral("expected a name not used by another column"));
            }
            const auto wip = col.find("wip");
            if (wip != col.end() && !wip->is_null()) {
                if (!wip->is_number_integer() || wip->get<long long>() < 0 ||
                    wip->get<long long>() > 10000)
                    throw ConfigError(at + QStringLiteral("/wip"),
                                      QStringLiteral("expected a whole number from 0 to 10000"));
                spec.wip = wip->get<int>();
            }
            c.columns.push_back(spec);
        }
    }

    const auto map = section->find("map");
    if (map != section->end()) {
        if (!map->is_object())
            throw ConfigError(where + QStringLiteral("/map"),
                              QStringLiteral("expected an object such as {\"doing\":\"Work in "
                                             "progress\"}"));
        for (const auto &[from, to] : map->items()) {
            const QString at = where + QStringLiteral("/map/") + q(from);
            if (!to.is_string())
                throw ConfigError(at, QStringLiteral("expected a column name string"));
            const QString column = q(to.get<std::string>());
            bool known = false;
            for (const KanbanColumnSpec &spec : c.columns)
                known = known || spec.name == column;
            if (!known)
                throw ConfigError(at, QStringLiteral("expected one of the configured columns, "
                                                     "not \"%1\"")
                                          .arg(column));
            c.map.insert(q(from).toLower(), column);
        }
    }
    checkSourceColumns(c, root);
    return c;
}

QString kanbanColumnFor(const KanbanConfig &config, const Item &card) {
    const QString word = (card.column.isEmpty() ? card.state : card.column).trimmed();
    const auto mapped = config.map.constFind(word.toLower());
    if (mapped != config.map.constEnd())
        return *mapped;
    for (const KanbanColumnSpec &spec : config.columns) {
        if (spec.name.compare(word, Qt::CaseInsensitive) == 0)
            return spec.name;
    }
    return kanbanUnmappedColumn();
}

QString KanbanColumnState::countText() const {
    return limit ? QStringLiteral("%1 / %2").arg(count).arg(*limit) : QString::number(count);
}

std::vector<KanbanColumnState> kanbanColumnStates(const KanbanConfig &config, const Items &cards) {
    std::vector<KanbanColumnState> states;
    states.reserve(config.columns.size() + 1);
    for (const KanbanColumnSpec &spec : config.columns)
        states.push_back({spec.name, 0, spec.wip});
    KanbanColumnState unmapped{kanbanUnmappedColumn(), 0, std::nullopt};
    for (const Item &card : cards) {
        KanbanColumnState *target = &unmapped;
        for (KanbanColumnState &state : states) {
            if (state.name == card.column) {
                target = &state;
                break;
            }
        }
        ++target->count;
    }
    if (unmapped.count > 0)
        states.push_back(unmapped);
    return states;
}

QString kanbanDueText(const QDateTime &due, const QDateTime &now) {
    if (!due.isValid() || !now.isValid())
        return {};
    const qint64 days = now.toUTC().date().daysTo(due.toUTC().date());
    if (days == 0)
        return QStringLiteral("due today");
    if (days == 1)
        return QStringLiteral("due tomorrow");
    if (days > 1)
        return QStringLiteral("%1 days remaining").arg(days);
    if (days == -1)
        return QStringLiteral("1 day late");
    return QStringLiteral("%1 days late").arg(-days);
}
