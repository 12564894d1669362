// SPDX-License-Identifier: MIT
// Streams the array GET /api/v2/alerts answers and keeps, per alert, only the fields dutyboard
// shows: no document tree, one reused buffer, so 10,000 alerts parse in a few milliseconds.
#pragma once

#include "core/board/UnreadableItems.h"
#include "core/sources/JsonStream.h"

#include <array>
#include <functional>
#include <string>
#include <utility>
#include <vector>

// The fields of one alert that dutyboard reads; a field of another type or absent is empty.
struct AlertFields {
    enum Field {
        Fingerprint,
        StartsAt,
        GeneratorUrl,
        // labels
        Alertname,
        Severity,
        Team,
        Owner,
        Service,
        Instance,
        Job,
        Andon,
        Project,
        // annotations
        Summary,
        Description,
        AnnotationOwner,
        Reason,
        RaisedBy,
        // status
        State,
        FieldCount
    };
    std::array<std::string, FieldCount> text;
    bool silenced = false;  // status.silencedBy is a non-empty array
    bool inhibited = false; // status.inhibitedBy is a non-empty array
    // Every label, in the answer's order: the first labelCount entries (the vector is reused
    // from alert to alert, so its strings keep their capacity).
    std::vector<std::pair<std::string, std::string>> labels;
    std::size_t labelCount = 0;

    const std::string &operator[](Field field) const { return text[field]; }
    void clear();
};

class AlertmanagerAlertReader final : public JsonSaxHandler {
public:
    // Called once per alert object with its index in the array.
    using Sink = std::function<void(const AlertFields &, int index)>;
    // An element of the array that is not an alert object is left out and counted in
    // `unreadable` ("/3" expected an alert object); the sink may count more there.
    AlertmanagerAlertReader(Sink sink, UnreadableItems *unreadable);

    // Reads the whole body; false with *error when the body itself cannot be read ("JSON of the
    // wrong shape at /: expected an array of alerts", "not JSON…").
    bool read(const HttpResult &result, QString *error);

    bool null() override { return scalar(nullptr); }
    bool boolean(bool) override { return scalar(nullptr); }
    bool number_integer(number_integer_t) override { return scalar(nullptr); }
    bool number_unsigned(number_unsigned_t) override { return scalar(nullptr); }
    bool number_float(number_float_t, const string_t &) override { return scalar(nullptr); }
    bool string(string_t &value) override { return scalar(&value); }
    bool binary(binary_t &) override { return scalar(nullptr); }
    bool start_object(std::size_t) override { return open(true); }
    bool key(string_t &name) override;
    bool end_object() override { return close(true); }
    bool start_array(std::size_t) override { return open(false); }
    bool end_array() override { return close(false); }
    bool parse_error(std::size_t, const std::string &,
                     const nlohmann::detail::exception &) override {
        return false; // worded by parseJsonStream()
    }

private:
    enum class Section { Other, Labels, Annotations, Status };
    enum class StatusList { None, SilencedBy, InhibitedBy };

    bool scalar(const std::string *text);
    bool open(bool isObject);
    bool close(bool isObject);
    bool fail(const QString &error);
    void leaveOut(); // the element being read is not an alert object

    Sink m_sink;
    UnreadableItems *m_unreadable;
    AlertFields m_alert;
    QString m_error;
    int m_depth = 0;
    int m_index = 0;                   // the alert being read
    bool m_skipping = false;           // inside an element left out (an array, not an alert)
    int m_field = -1;                  // the field the next string value fills, or -1
    std::string m_labelName;           // the label whose value comes next
    Section m_member = Section::Other; // the section the alert member being read opens
    Section m_section = Section::Other;
    StatusList m_pendingList = StatusList::None; // a status member naming a list, before it opens
    StatusList m_list = StatusList::None;        // the status list being read
};
