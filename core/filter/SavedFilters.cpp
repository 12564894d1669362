// SPDX-License-Identifier: MIT
#include "SavedFilters.h"

#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace {
const QString group = QStringLiteral("filter");
} // namespace

SavedFilters::SavedFilters(const QString &file, QObject *parent)
    : QObject(parent)
    , m_file(file) {
    m_disk.setMaxThreadCount(1);
}

SavedFilters::~SavedFilters() {
    m_disk.waitForDone();
}

QString SavedFilters::defaultFile() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/dutyboard/state.ini");
}

void SavedFilters::load() {
    m_disk.start([this, file = m_file]() {
        Contents contents = read(file);
        // Delivered on this object's thread; dropped if it is gone by then.
        QMetaObject::invokeMethod(
            this,
            [this, contents = std::move(contents)]() mutable { arrived(std::move(contents)); },
            Qt::QueuedConnection);
    });
}

void SavedFilters::arrived(Contents contents) {
    // What changed here before the file answered is newer than the file.
    if (!m_changedBeforeLoad) {
        m_text = contents.text;
        m_toggles = contents.toggles;
    }
    for (Named &n : contents.named) {
        if (textOf(n.name).isEmpty())
            m_named.push_back(std::move(n));
    }
    m_loaded = true;
    Q_EMIT loaded();
    Q_EMIT namesChanged();
}

QStringList SavedFilters::names() const {
    QStringList names;
    for (const Named &n : m_named)
        names.append(n.name);
    return names;
}

QString SavedFilters::textOf(const QString &name) const {
    const auto it = std::find_if(m_named.begin(), m_named.end(),
                                 [&name](const Named &n) { return n.name == name; });
    return it == m_named.end() ? QString() : it->text;
}

void SavedFilters::setCurrent(const QString &text, const FilterToggles &toggles) {
    if (text == m_text && toggles == m_toggles)
        return;
    m_text = text;
    m_toggles = toggles;
    m_changedBeforeLoad |= !m_loaded;
    persist();
}

bool SavedFilters::save(const QString &name, const QString &text) {
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return false;
    auto it = std::find_if(m_named.begin(), m_named.end(),
                           [&trimmed](const Named &n) { return n.name == trimmed; });
    if (it != m_named.end())
        it->text = text;
    else
        m_named.push_back({trimmed, text});
    persist();
    Q_EMIT namesChanged();
    return true;
}

void SavedFilters::remove(const QString &name) {
    const auto it = std::remove_if(m_named.begin(), m_named.end(),
                                   [&name](const Named &n) { return n.name == name; });
    if (it == m_named.end())
        return;
    m_named.erase(it, m_named.end());
    persist();
    Q_EMIT namesChanged();
}

void SavedFilters::waitForWrites() {
    m_disk.waitForDone();
}

void SavedFilters::persist() {
    m_disk.start([file = m_file, contents = Contents{m_text, m_toggles, m_named}]() {
        write(file, contents);
    });
}

SavedFilters::Contents SavedFilters::read(const QString &file) {
    QSettings settings(file, QSettings::IniFormat);
    settings.beginGroup(group);
    Contents c;
    c.text = settings.value(QStringLiteral("text")).toString();
    c.toggles.hideSilenced = settings.value(QStringLiteral("hide_silenced")).toBool();
    c.toggles.onlyUnowned = settings.value(QStringLiteral("only_unowned")).toBool();
    c.toggles.onlyMine = settings.value(QStringLiteral("only_mine")).toBool();
    const int n = settings.beginReadArray(QStringLiteral("saved"));
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        const QString name = settings.value(QStringLiteral("name")).toString();
        if (!name.isEmpty())
            c.named.push_back({name, settings.value(QStringLiteral("text")).toString()});
    }
    settings.endArray();
    return c;
}

void SavedFilters::write(const QString &file, const Contents &c) {
    QSettings settings(file, QSettings::IniFormat);
    settings.remove(group);
    settings.beginGroup(group);
    settings.setValue(QStringLiteral("text"), c.text);
    settings.setValue(QStringLiteral("hide_silenced"), c.toggles.hideSilenced);
    settings.setValue(QStringLiteral("only_unowned"), c.toggles.onlyUnowned);
    settings.setValue(QStringLiteral("only_mine"), c.toggles.onlyMine);
    settings.beginWriteArray(QStringLiteral("saved"), static_cast<int>(c.named.size()));
    for (size_t i = 0; i < c.named.size(); ++i) {
        settings.setArrayIndex(static_cast<int>(i));
        settings.setValue(QStringLiteral("name"), c.named[i].name);
        settings.setValue(QStringLiteral("text"), c.named[i].text);
    }
    settings.endArray();
    settings.endGroup();
    settings.sync();
}
