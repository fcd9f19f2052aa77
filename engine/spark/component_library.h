// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "spark/generated_component.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace helios::data {
class Cache;
class Store;
} // namespace helios::data

namespace helios::spark {

// What is known about one stored version of a component without its files.
struct ComponentVersionInfo {
    QString project;
    QString name;
    int version = 0;
    ExpertFamily family = ExpertFamily::Button;
    QString expert;          // a family id, or "llm"
    QString prompt;
    QString contentSha256;   // hex SHA-256 of the stored files
    QString createdAt;       // RFC 3339 UTC
    bool operator==(const ComponentVersionInfo &other) const = default;
};

struct StoredComponent {
    ComponentVersionInfo info;
    QList<GeneratedFile> files;
};

struct ComponentSaveOutcome {
    ComponentVersionInfo info;  // the new version, or the latest when nothing changed
    bool created = false;       // false: the files equal the latest version's; nothing stored
};

// How one file changed between two versions.
struct ComponentFileChange {
    enum class Kind { Added, Removed, Changed };
    QString path;
    Kind kind = Kind::Changed;
    QString diff;            // unified line diff (see line_diff.h)
    static QString kindName(Kind kind);  // "added", "removed", "changed"
};

struct ComponentDiff {
    QString project;
    QString name;
    int from = 0;
    int to = 0;
    QList<ComponentFileChange> files;   // by path; unchanged files are left out
};

// The history of generated components: every version that passed validation, in the
// Store (table components, migration 5), versions 1, 2, 3… per (project, name) without
// gaps. A save reads the latest version and inserts the next in one transaction; the
// primary key makes two concurrent savers collide and the loser retries, as
// slate::TokenLibrary does. Saving files equal to the latest version's stores nothing.
//
// The code of a version is also kept in the Cache under
// "spark:component:<project>:<name>:<version>" (versions never change); version() reads
// it there first and any cache failure falls back to the Store. Thread-safe.
class ComponentLibrary {
public:
    ComponentLibrary(data::Store &store, data::Cache &cache);

    Result<ComponentSaveOutcome> save(const QString &project, const GeneratedComponent &component,
                                      const QString &prompt);
    // Puts the version's files in the Cache (what the pipeline's "cache" step does).
    Result<void> cacheCode(const StoredComponent &component);

    // `version` 0: the latest. NotFound when there is none.
    Result<StoredComponent> version(const QString &project, const QString &name, int version = 0);
    // Every version, oldest first; empty when the component was never saved.
    Result<QList<ComponentVersionInfo>> history(const QString &project, const QString &name);
    // The latest version of each of the project's components, by name.
    Result<QList<ComponentVersionInfo>> list(const QString &project);
    // File by file from `from` to `to` (either may be 0 for the latest).
    Result<ComponentDiff> diff(const QString &project, const QString &name, int from, int to);

    // Project names are 1-200 characters of letters, digits and "._-/@" (they are cache
    // keys); component names are PascalCase ([A-Z][A-Za-z0-9]{0,63}). Empty when valid.
    static QString projectProblem(const QString &project);
    static QString nameProblem(const QString &name);
    static QByteArray cacheKey(const QString &project, const QString &name, int version);

    // The stored form of a component's files: {"files": [{"path", "text" | "base64"}]}.
    static QByteArray encodeFiles(const QList<GeneratedFile> &files);
    static Result<QList<GeneratedFile>> decodeFiles(const QByteArray &json, const QString &where);

private:
    std::optional<QByteArray> cacheGet(const QByteArray &key);

    data::Store &m_store;
    data::Cache &m_cache;
    std::chrono::milliseconds m_ttl{std::chrono::hours(24)};
};

} // namespace helios::spark
