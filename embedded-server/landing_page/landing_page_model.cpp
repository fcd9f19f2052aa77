// SPDX-License-Identifier: Apache-2.0
#include "landing_page_model.h"

namespace helios::server {

QString healthName(SubsystemHealth health) {
    switch (health) {
    case SubsystemHealth::Up:
        return QStringLiteral("up");
    case SubsystemHealth::Down:
        return QStringLiteral("down");
    case SubsystemHealth::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString healthLabel(SubsystemHealth health) {
    switch (health) {
    case SubsystemHealth::Up:
        return QStringLiteral("Up");
    case SubsystemHealth::Down:
        return QStringLiteral("Down");
    case SubsystemHealth::Unknown:
        break;
    }
    return QStringLiteral("Unknown");
}

QList<LandingSubsystem> defaultSubsystems() {
    // Titles and ports as in the seed architecture (docs: helios-luminera-architecture).
    const auto make = [](const char *name, const char *title, const char *description, int port) {
        const QString id = QString::fromLatin1(name);
        const QString url = port == 3000 ? QStringLiteral("/") : QStringLiteral("/api/%1/").arg(id);
        return LandingSubsystem{id,
                                QString::fromLatin1(title),
                                QString::fromUtf8(description),
                                port,
                                url,
                                SubsystemHealth::Unknown,
                                QString()};
    };
    return {
        make("landing", "LANDING", "Gateway: sign-in, roles, rate limits and this navigation hub.",
             3000),
        make("slate", "SLATE", "Design system: DTCG design tokens, themes, lint and exports.",
             3001),
        make("ignition", "IGNITION", "Project scaffolding from templates.", 3002),
        make("spark", "SPARK", "Component generation from prompts by a mixture of experts.", 3003),
        make("ignis", "IGNIS", "Builds, the dev server and hot module reload.", 3004),
        make("waypoint", "WAYPOINT", "Releases and deployments to dev, staging and prod.", 3005),
    };
}

} // namespace helios::server
