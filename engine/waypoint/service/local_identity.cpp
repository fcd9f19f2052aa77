// SPDX-License-Identifier: Apache-2.0
#include "waypoint/waypoint_service.h"

#include "core/logging.h"
#include "store/store.h"

namespace helios::waypoint {

landing::Identity localIdentity(data::Store &store)
{
    QString subject = qEnvironmentVariable("USER");
    if (subject.isEmpty())
        subject = qEnvironmentVariable("LOGNAME");
    if (subject.isEmpty())
        subject = QStringLiteral("local");
    landing::Identity identity{subject, landing::Role::Admin, false, {}};
    const auto rows = store.query(QStringLiteral("SELECT role FROM users WHERE subject = $1"), {subject});
    if (!rows.ok()) {
        // Least privilege when the Store cannot say: a broken database grants nothing.
        qCWarning(lcWaypoint) << "the users table could not be read; acting as viewer:" << rows.error().toString();
        identity.role = landing::Role::Viewer;
        return identity;
    }
    if (!rows->isEmpty())
        identity.role = landing::roleFromName(rows->value(0, QStringLiteral("role")).toString()).value_or(landing::Role::Viewer);
    return identity;
}

} // namespace helios::waypoint
