// SPDX-License-Identifier: MIT
// Reads the fields of vendor JSON items and keeps the first shape error with its pointer
// ("JSON of the wrong shape at /issues/3/key: expected a string"), so a connector reads an item
// straight through and checks once. A missing or null optional field is "not said".
#pragma once

#include "core/sources/Connector.h"
#include "core/sources/connectors/common/JsonFields.h"

#include <nlohmann/json.hpp>

#include <QString>
#include <QStringList>

#include <functional>
#include <initializer_list>
#include <string_view>

class FieldReader final {
public:
    // The member `key` of `parent` (an object) when it is an object; nullptr when missing or
    // null; a shape error at <at>/<key> when of another type.
    const nlohmann::json *object(const nlohmann::json &parent, const QString &at,
                                 std::string_view key);
    // The same for an array.
    const nlohmann::json *array(const nlohmann::json &parent, const QString &at,
                                std::string_view key);
    // A string: empty when missing or null, unless `required` (then a shape error, as is an
    // empty string).
    QString string(const nlohmann::json &parent, const QString &at, std::string_view key,
                   bool required = false);
    // An ISO 8601 time: invalid when missing or null; a shape error when it is not one.
    QDateTime time(const nlohmann::json &parent, const QString &at, std::string_view key);
    // An id: a non-empty string or an integer, required.
    QString id(const nlohmann::json &parent, const QString &at, std::string_view key);
    // The names in an array of strings or objects (["bug"], [{"login": "ana"}]): a string is
    // its own name; in an object, the first of `nameKeys` holding a non-empty string. Entries
    // without a name are skipped; empty when the array is missing or null.
    QStringList names(const nlohmann::json &parent, const QString &at, std::string_view key,
                      std::initializer_list<std::string_view> nameKeys);

    bool ok() const { return m_expected.isEmpty(); }
    // "JSON of the wrong shape at /issues/3/key: expected a string"; empty when ok.
    QString error() const;
    // The first shape error's place and expectation: "/issues/3/key", "a string".
    const QString &pointer() const { return m_pointer; }
    const QString &expected() const { return m_expected; }
    // Records a shape error at `pointer` (the first one is kept).
    void fail(const QString &pointer, const QString &expected);
    // Forgets the error: the next entry is read afresh.
    void reset();

private:
    const nlohmann::json *member(const nlohmann::json &parent, std::string_view key) const;

    QString m_pointer;
    QString m_expected;
};

// Fills one item from one entry (an object); false on a shape error recorded in `read`.
using EntryMapper = std::function<bool(const nlohmann::json &entry, const QString &at, Item *item,
                                       FieldReader *read)>;

// Maps every entry of `array` (pointers <prefix>/<i>) to an item of the source's panel and
// name; entries `skip` accepts are only counted in page->skipped. An entry with a shape error is
// left out and counted in page->unreadable: one bad item never hides the others.
void mapEntries(const nlohmann::json &array, const QString &prefix, const SourceConfig &config,
                const EntryMapper &map, ParsedPage *page,
                const std::function<bool(const nlohmann::json &)> &skip = {});

// Parses the body and finds the array of items: the root when `key` is empty, else the root
// object's member `key`. nullptr with `error` said for a person on failure.
const nlohmann::json *itemArray(const HttpResult &result, std::string_view key,
                                nlohmann::json *root, QString *error);

// The body as JSON, or null when it is not usable JSON: for error bodies and write answers,
// read when they can be.
nlohmann::json jsonOrNull(const HttpResult &result);
