// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ignis/build_message.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace helios::ignis {

// One thing esbuild bundles: an entry module, and for an application the HTML page that
// loads it.
struct BuildEntry {
    QString name;          // "app": unique, [a-z0-9-]
    QString entry;         // "src/main.tsx", relative to the project
    QString html;          // "index.html" or empty for a library entry
    QStringList external;  // bare imports left to the consumer (a library's peer dependencies)
    // Content-hashed file names. Default: on for pages (caches may keep them forever),
    // off for libraries (package.json points at a fixed path).
    bool hashNames = true;
    QString outSubdir;     // under the build's outDir: "assets" for pages, the name otherwise

    // Everything that changes esbuild's output, as canonical JSON: part of the cache key.
    QJsonObject toJson() const;
};

// A project's helios.json, as IGNITION's templates write it:
//
//   { "name": "acme-ui",
//     "tokens": "tokens/tokens.config.json",          // a SLATE build config (optional)
//     "build": { "outDir": "dist", "target": "es2020",
//                "entries": [ {"name": "app", "entry": "src/main.tsx", "html": "index.html"},
//                             {"name": "lib", "entry": "src/index.ts", "external": ["react"]} ] },
//     "image": { "repository": "helios/acme-ui", "root": "/srv/www", "base": "helios/base:1" } }
//
// Every problem is reported with helios.json's line and column, all in one pass.
struct ProjectConfig {
    QString projectDir;     // absolute, canonical
    QString file;           // absolute path of helios.json
    QString name;
    QString tokensConfig;   // absolute; empty when the project has no tokens
    QString outDir;         // absolute
    QString outDirRelative; // as written ("dist")
    QString target = QStringLiteral("es2020");
    QList<BuildEntry> entries;
    QString imageRepository;
    QString imageRoot = QStringLiteral("/srv/www");
    QString imageBase;      // "repository:tag" or "repository@sha256:..."; empty: an artifact
    BuildMessages messages;

    bool hasErrors() const { return ignis::hasErrors(messages); }

    static QString fileName() { return QStringLiteral("helios.json"); }
    // Reads <projectDir>/helios.json. A missing file is one error, not a crash.
    static ProjectConfig read(const QString &projectDir);
    static ProjectConfig parse(QByteArrayView utf8, const QString &projectDir);
};

} // namespace helios::ignis
