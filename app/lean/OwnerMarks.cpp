// SPDX-License-Identifier: MIT
#include "OwnerMarks.h"

#include "core/attention/UnownedItems.h"
#include "core/board/Board.h"
#include "core/lean/LeanController.h"
#include "core/lean/LeanState.h"
#include "core/ownership/Ownerships.h"
#include "core/time/RelativeTime.h"
#include "widgets/Theme.h"

namespace {

const QString dot = QStringLiteral("\u25CF ");
const QString sep = QStringLiteral(" \u00B7 ");

// A request taken by its owner already says who on its clock ("TAKEN · victor · 0:12").
bool clockSaysIt(const LeanState &state, const Item &item, const QString &owner) {
    return item.kind == ItemKind::Request &&
           state.clocks()->level(item.source, item.id) == ClockLevel::Running &&
           state.triage()->decision(item.source, item.id).decidedBy == owner;
}

} // namespace

QString ownershipTime(const QDateTime &t, const QDateTime &now) {
    if (t.isValid() && t.toLocalTime().date() == now.toLocalTime().date())
        return t.toLocalTime().toString(QStringLiteral("HH:mm"));
    return shortTimestamp(t, now);
}

QStringList OwnerMarks::describe(const Ownership &o, const QDateTime &now) const {
    QStringList lines{QStringLiteral("%1 is on it since %2 (%3)")
                          .arg(o.owner, ownershipTime(o.since, now), relativeAge(o.since, now))};
    if (o.target.isEmpty())
        lines.append(o.kind == ItemKind::Andon
                         ? QStringLiteral("Owned on the board only: an andon is the team's")
                         : QStringLiteral("Owned on the board only: its source cannot say it"));
    else if (o.acknowledged.isValid())
        lines.append(QStringLiteral("Acknowledged in %1 at %2")
                         .arg(o.target, ownershipTime(o.acknowledged, now)));
    else
        lines.append(
            QStringLiteral("Waiting for %1 to accept it (the outbox retries)").arg(o.target));
    if (!o.reference.isEmpty())
        lines.append(QStringLiteral("Silence %1%2")
                         .arg(o.reference, o.referenceUrl.isEmpty()
                                               ? QString()
                                               : QStringLiteral(": ") + o.referenceUrl));
    if (o.endsAt.isValid())
        lines.append(
            QStringLiteral("Ends at %1, renewed while it fires").arg(ownershipTime(o.endsAt, now)));
    return lines;
}

OwnerMark OwnerMarks::markFor(const Item &item) const {
    const QDateTime now = m_controller->board()->clock().now();
    OwnerMark mark;
    const LeanState &state = *m_controller->state();
    if (const Ownership *o = state.ownerships()->find(item.source, item.id)) {
        const bool waiting = !o->target.isEmpty() && !o->acknowledged.isValid();
        QStringList tip = describe(*o, now);
        if (!item.owner.isEmpty() && item.owner != o->owner)
            tip.append(QStringLiteral("%1 says: %2").arg(item.source, item.owner));
        mark.toolTip = tip.join(QLatin1Char('\n'));
        mark.color = waiting ? Theme::mix(Theme::infoColor(), Theme::neutralColor(), 0.5)
                             : Theme::infoColor();
        if (clockSaysIt(state, item, o->owner))
            return mark;
        mark.shortText = dot + o->owner;
        mark.text = mark.shortText + sep + relativeAge(o->since, now);
        return mark;
    }
    if (!item.owner.isEmpty()) {
        mark.shortText = dot + item.owner;
        mark.text = mark.shortText + sep + QStringLiteral("in ") + item.source;
        mark.color = Theme::neutralColor();
        mark.toolTip = QStringLiteral("%1 is on it, as %2 says (not through dutyboard)")
                           .arg(item.owner, item.source);
        return mark;
    }
    if (m_unowned && m_unowned->isUnowned(item)) {
        const QString age = relativeAge(m_unowned->waitingSince(item), now);
        mark.unowned = true;
        mark.pulse = now.time().second() % 2 == 0;
        mark.shortText = QStringLiteral("UNOWNED");
        mark.text = QStringLiteral("\u25CB UNOWNED") + sep + age;
        mark.color = Theme::failedColor();
        mark.toolTip = QStringLiteral("Nobody is on it for %1: press A to say you are").arg(age);
    }
    return mark;
}

OwnerMark OwnerMarks::markForGroup(const std::vector<const Item *> &items) const {
    QStringList owners;
    int owned = 0;
    OwnerMark unowned;
    for (const Item *item : items) {
        const OwnerMark mark = markFor(*item);
        if (mark.unowned) {
            if (!unowned.unowned)
                unowned = mark;
            continue;
        }
        if (mark.shortText.isEmpty())
            continue;
        ++owned;
        const QString who = mark.shortText.mid(dot.size());
        if (!owners.contains(who))
            owners.append(who);
    }
    if (owners.isEmpty())
        return unowned;
    OwnerMark mark;
    mark.shortText = dot + owners.join(QStringLiteral(", "));
    mark.text = mark.shortText + sep +
                QStringLiteral("%1 of %2").arg(owned).arg(static_cast<int>(items.size()));
    mark.color = Theme::infoColor();
    mark.toolTip = QStringLiteral("%1 of the group's %2 alerts owned, by %3")
                       .arg(owned)
                       .arg(static_cast<int>(items.size()))
                       .arg(owners.join(QStringLiteral(", ")));
    return mark;
}
