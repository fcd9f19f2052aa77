// SPDX-License-Identifier: Apache-2.0
#include "git_status_style.h"

#include <QCoreApplication>

namespace helios::panels {

using State = ignition::GitFileStatus::State;

QString GitStatusStyle::letter(const ignition::GitFileStatus &status)
{
    switch (status.state) {
    case State::New:
        return status.staged ? QStringLiteral("A") : QStringLiteral("U");
    case State::Modified:
        return QStringLiteral("M");
    case State::Deleted:
        return QStringLiteral("D");
    case State::Renamed:
        return QStringLiteral("R");
    case State::TypeChange:
        return QStringLiteral("T");
    case State::Conflicted:
        return QStringLiteral("C");
    }
    return {};
}

QColor GitStatusStyle::colour(State state)
{
    // Mid-tone colours that read on light and dark backgrounds alike.
    switch (state) {
    case State::New:
        return QColor(0x2e, 0xa0, 0x43);
    case State::Modified:
    case State::Renamed:
    case State::TypeChange:
        return QColor(0xc0, 0x8a, 0x00);
    case State::Deleted:
    case State::Conflicted:
        return QColor(0xd0, 0x3a, 0x3a);
    }
    return {};
}

QString GitStatusStyle::description(const ignition::GitFileStatus &status)
{
    QString state;
    switch (status.state) {
    case State::New:
        state = status.staged ? QCoreApplication::translate("helios::panels::GitStatusStyle", "Added")
                              : QCoreApplication::translate("helios::panels::GitStatusStyle", "Untracked");
        return state;
    case State::Modified:
        state = QCoreApplication::translate("helios::panels::GitStatusStyle", "Modified");
        break;
    case State::Deleted:
        state = QCoreApplication::translate("helios::panels::GitStatusStyle", "Deleted");
        break;
    case State::Renamed:
        state = QCoreApplication::translate("helios::panels::GitStatusStyle", "Renamed from %1")
                    .arg(status.oldPath);
        break;
    case State::TypeChange:
        state = QCoreApplication::translate("helios::panels::GitStatusStyle", "Type changed");
        break;
    case State::Conflicted:
        return QCoreApplication::translate("helios::panels::GitStatusStyle", "Conflicted");
    }
    return status.staged ? QCoreApplication::translate("helios::panels::GitStatusStyle", "%1 (staged)").arg(state)
                         : state;
}

} // namespace helios::panels
