// SPDX-License-Identifier: Apache-2.0
#include "node_role.h"

namespace helios::server {

std::optional<NodeRole> nodeRoleFromName(QStringView name)
{
    if (name == u"control")
        return NodeRole::Control;
    if (name == u"compute")
        return NodeRole::Compute;
    if (name == u"all")
        return NodeRole::All;
    return std::nullopt;
}

QString nodeRoleName(NodeRole role)
{
    switch (role) {
    case NodeRole::Control:
        return QStringLiteral("control");
    case NodeRole::Compute:
        return QStringLiteral("compute");
    case NodeRole::All:
        return QStringLiteral("all");
    }
    return {};
}

const QList<Subsystem> &subsystems()
{
    static const QList<Subsystem> list{
        {QStringLiteral("landing"), 3000, NodeRole::Control},
        {QStringLiteral("slate"), 3001, NodeRole::Compute},
        {QStringLiteral("ignition"), 3002, NodeRole::Control},
        {QStringLiteral("spark"), 3003, NodeRole::Compute},
        {QStringLiteral("ignis"), 3004, NodeRole::Control},
        {QStringLiteral("waypoint"), 3005, NodeRole::Compute},
    };
    return list;
}

bool runsOn(const Subsystem &subsystem, NodeRole role)
{
    return role == NodeRole::All || subsystem.home == role;
}

bool runsOn(QStringView id, NodeRole role)
{
    for (const Subsystem &subsystem : subsystems()) {
        if (subsystem.id == id)
            return runsOn(subsystem, role);
    }
    return false;
}

} // namespace helios::server
