// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace helios::server {

// What the service directory knows about a subsystem right now.
enum class SubsystemHealth { Up, Down, Unknown };

// "up", "down", "unknown": the data-health attribute and the CSS class.
QString healthName(SubsystemHealth health);
// "Up", "Down", "Unknown": the text a reader sees.
QString healthLabel(SubsystemHealth health);

struct LandingUser {
    QString subject; // the JWT "sub"; any text, it is escaped
    QString role;    // "viewer", "developer", "admin"
};

struct LandingSubsystem {
    QString name;        // lower-case id: "slate"; the data-subsystem attribute
    QString title;       // "SLATE"
    QString description; // one sentence
    int port = 0;
    QString url; // http(s) or a path starting with '/'; anything else is not linked
    SubsystemHealth health = SubsystemHealth::Unknown;
    QString detail; // optional: "in-process", "upstream 10.0.0.5:3001 timed out"
};

// Everything the landing page shows. Built by the server per request from the service
// directory and the caller's identity; rendered by LandingPageRenderer.
struct LandingPageModel {
    std::optional<LandingUser> user; // nullopt: "Not signed in"
    QList<LandingSubsystem> subsystems;
    QString version;
};

// The six subsystems in port order (LANDING 3000 … WAYPOINT 3005) with their titles and
// descriptions, linked to their API roots on this server ("/" for LANDING), health
// Unknown. The server fills in health, detail and, for remote ones, the URL.
QList<LandingSubsystem> defaultSubsystems();

} // namespace helios::server
