// SPDX-License-Identifier: Apache-2.0
#include "identity.h"

namespace helios::landing {

QString roleName(Role role) {
    switch (role) {
    case Role::Viewer:
        return QStringLiteral("viewer");
    case Role::Developer:
        return QStringLiteral("developer");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    return QStringLiteral("viewer");
}

std::optional<Role> roleFromName(QStringView name) {
    // Exact, lower-case names only: these strings are what the users table's CHECK allows.
    for (Role role : {Role::Viewer, Role::Developer, Role::Admin}) {
        if (name == roleName(role))
            return role;
    }
    return std::nullopt;
}

} // namespace helios::landing
