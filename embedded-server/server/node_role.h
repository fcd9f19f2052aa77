// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace helios::server {

// Which subsystems a node runs: the seed's control node (LANDING, IGNITION, IGNIS), its
// compute node (SLATE, SPARK, WAYPOINT), or all six in one process.
enum class NodeRole { Control, Compute, All };

std::optional<NodeRole> nodeRoleFromName(QStringView name); // "control", "compute", "all"
QString nodeRoleName(NodeRole role);

struct Subsystem {
    QString id;           // "slate": the /api/<id>/ prefix and the config key's middle
    quint16 defaultPort;  // the seed's port
    NodeRole home;        // the role that runs it
};

// The six, in port order.
const QList<Subsystem> &subsystems();
bool runsOn(const Subsystem &subsystem, NodeRole role);
// By id ("slate"); false for an unknown id.
bool runsOn(QStringView id, NodeRole role);

} // namespace helios::server
