// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace helios::landing {

// Ordered: a role may do everything the roles below it may.
enum class Role { Viewer = 1, Developer = 2, Admin = 3 };

QString roleName(Role role); // "viewer", "developer", "admin"
std::optional<Role> roleFromName(QStringView name);

// Who is calling, once a bearer token (or anonymous access) was accepted.
struct Identity {
    QString subject;          // the JWT "sub", or "anonymous"
    Role role = Role::Viewer; // from the Store's users table; anonymous: viewer
    bool anonymous = false;
    QDateTime expires;        // the token's exp (UTC); invalid for anonymous
};

} // namespace helios::landing
