// SPDX-License-Identifier: MIT
// The generic JSON connector's mapping, read and checked once from the source's config object
// so that parsing each page only walks precompiled paths.
#pragma once

#include "core/sources/connectors/common/JsonPath.h"

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QString>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

// A configured item field: where it sits in an item, and an optional value map ("values").
struct GenericField {
    JsonPath path;
    std::unordered_map<std::string, std::string> values; // source word -> our word
};

enum class GenericPagination { None, Link, NextUrl, Cursor };

struct GenericConfig {
    QByteArray path; // appended to the source URL; may carry a query
    JsonPath items;  // the item array; "" when the answer is the array
    QString itemsText;

    GenericField id;
    GenericField title;
    std::optional<GenericField> state;
    std::optional<GenericField> createdAt;
    std::optional<GenericField> people;
    std::string peopleKey = "name"; // the name inside people objects
    std::optional<GenericField> url;
    std::optional<GenericField> severity;
    std::optional<GenericField> project;
    std::optional<GenericField> reason;
    std::optional<GenericField> raisedBy;
    std::optional<GenericField> owner; // who handles it, as the source says
    // Kanban cards: the column word (else "state" is used), due date, time in column.
    std::optional<GenericField> column;
    std::optional<GenericField> due;
    std::optional<GenericField> columnSince;

    // "https://desk/t/{{id}}" split into literal text and field paths.
    struct TemplatePart {
        QString literal;
        std::optional<JsonPath> field;
    };
    std::vector<TemplatePart> urlTemplate;

    GenericPagination pagination = GenericPagination::None;
    JsonPath next;    // next_url: the URL; cursor: the cursor value
    QByteArray param; // cursor: the query parameter name
};

// Reads the "generic" keys of one source object; `pointer` is where it sits in the config
// ("/sources/2"). Throws ConfigError naming the exact key and what was expected.
GenericConfig parseGenericConfig(const nlohmann::json &source, const QString &pointer);
