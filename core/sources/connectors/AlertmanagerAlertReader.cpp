// SPDX-License-Identifier: MIT
#include "AlertmanagerAlertReader.h"

#include "core/http/ResponseCheck.h"

#include <string_view>

namespace {

// Depths of the API's shape: [ {alert members: {section members: [status lists]}} ].
constexpr int alertDepth = 2;
constexpr int sectionDepth = 3;
constexpr int listDepth = 4;

struct Name {
    std::string_view key;
    int field;
};

constexpr Name alertFields[] = {{"fingerprint", AlertFields::Fingerprint},
                                {"startsAt", AlertFields::StartsAt},
                                {"generatorURL", AlertFields::GeneratorUrl}};
constexpr Name labelFields[] = {{"alertname", AlertFields::Alertname},
                                {"severity", AlertFields::Severity},
                                {"team", AlertFields::Team},
                                {"owner", AlertFields::Owner},
                                {"service", AlertFields::Service},
                                {"instance", AlertFields::Instance},
                                {"job", AlertFields::Job},
                                {"andon", AlertFields::Andon},
                                {"project", AlertFields::Project}};
constexpr Name annotationFields[] = {{"summary", AlertFields::Summary},
                                     {"description", AlertFields::Description},
                                     {"owner", AlertFields::AnnotationOwner},
                                     {"reason", AlertFields::Reason},
                                     {"raised_by", AlertFields::RaisedBy}};
constexpr Name statusFields[] = {{"state", AlertFields::State}};

template <std::size_t N> int fieldNamed(const Name (&names)[N], std::string_view key) {
    for (const Name &name : names)
        if (name.key == key)
            return name.field;
    return -1;
}

} // namespace

void AlertFields::clear() {
    for (std::string &value : text)
        value.clear(); // keeps the capacity: the next alert reuses it
    silenced = inhibited = false;
    labelCount = 0;
}

AlertmanagerAlertReader::AlertmanagerAlertReader(Sink sink, UnreadableItems *unreadable)
    : m_sink(std::move(sink))
    , m_unreadable(unreadable) {}

bool AlertmanagerAlertReader::read(const HttpResult &result, QString *error) {
    if (parseJsonStream(result, this, error))
        return true;
    if (error->isEmpty())
        *error = m_error;
    return false;
}

bool AlertmanagerAlertReader::fail(const QString &error) {
    m_error = error;
    return false;
}

void AlertmanagerAlertReader::leaveOut() {
    m_unreadable->add(QLatin1Char('/') + QString::number(m_index),
                      QStringLiteral("an alert object"));
}

bool AlertmanagerAlertReader::key(string_t &name) {
    m_field = -1;
    if (m_skipping)
        return true;
    if (m_depth == alertDepth) {
        m_field = fieldNamed(alertFields, name);
        m_member = name == "labels"        ? Section::Labels
                   : name == "annotations" ? Section::Annotations
                   : name == "status"      ? Section::Status
                                           : Section::Other;
    } else if (m_depth == sectionDepth) {
        switch (m_section) {
        case Section::Labels:
            m_field = fieldNamed(labelFields, name);
            m_labelName = name;
            break;
        case Section::Annotations:
            m_field = fieldNamed(annotationFields, name);
            break;
        case Section::Status:
            m_field = fieldNamed(statusFields, name);
            m_pendingList = name == "silencedBy"    ? StatusList::SilencedBy
                            : name == "inhibitedBy" ? StatusList::InhibitedBy
                                                    : StatusList::None;
            break;
        case Section::Other:
            break;
        }
    }
    return true;
}

bool AlertmanagerAlertReader::scalar(const std::string *text) {
    if (m_depth == 0)
        return fail(wrongShape(QString(), QStringLiteral("an array of alerts")));
    if (m_skipping)
        return true;
    if (m_depth == 1) {
        leaveOut();
        ++m_index;
        return true;
    }
    if (m_depth == listDepth) {
        m_alert.silenced |= m_list == StatusList::SilencedBy;
        m_alert.inhibited |= m_list == StatusList::InhibitedBy;
    } else if (text && m_field >= 0 && (m_depth == alertDepth || m_depth == sectionDepth)) {
        m_alert.text[static_cast<std::size_t>(m_field)] = *text;
    }
    if (text && m_depth == sectionDepth && m_section == Section::Labels) {
        if (m_alert.labelCount == m_alert.labels.size())
            m_alert.labels.emplace_back();
        auto &[name, value] = m_alert.labels[m_alert.labelCount++];
        name = m_labelName;
        value = *text;
    }
    m_field = -1;
    return true;
}

bool AlertmanagerAlertReader::open(bool isObject) {
    if (m_skipping) {
        ++m_depth;
        return true;
    }
    if (m_depth == listDepth) { // an element of a status list
        m_alert.silenced |= m_list == StatusList::SilencedBy;
        m_alert.inhibited |= m_list == StatusList::InhibitedBy;
    }
    ++m_depth;
    m_field = -1;
    if (m_depth == 1 && isObject)
        return fail(wrongShape(QString(), QStringLiteral("an array of alerts")));
    if (m_depth == alertDepth) {
        if (!isObject) {
            leaveOut();
            m_skipping = true; // until this element closes
            return true;
        }
        m_alert.clear();
    } else if (m_depth == sectionDepth) {
        m_section = isObject ? m_member : Section::Other;
    } else if (m_depth == listDepth) {
        m_list = !isObject && m_section == Section::Status ? m_pendingList : StatusList::None;
    }
    return true;
}

bool AlertmanagerAlertReader::close(bool isObject) {
    if (m_skipping) {
        if (m_depth == alertDepth) {
            m_skipping = false;
            ++m_index;
        }
        --m_depth;
        return true;
    }
    if (m_depth == alertDepth && isObject) {
        m_sink(m_alert, m_index);
        ++m_index;
    } else if (m_depth == sectionDepth) {
        m_section = Section::Other;
    } else if (m_depth == listDepth) {
        m_list = StatusList::None;
    }
    --m_depth;
    m_field = -1;
    return true;
}
