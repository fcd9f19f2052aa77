// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ignis/build_message.h"
#include "ignis/dev/dev_module_server.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace helios::ignis {

class DevModuleCache;
class DevModuleCompiler;
class ModuleLinker;

// From project file changes to the HMR messages every client gets: the changed modules
// and stylesheets compiled again (DevModuleCache), and the modules that accept each
// change found up the import graph (ModuleLinker) -- an update, a full reload when
// nothing accepts it, or the error to show.
class HotUpdatePlanner {
public:
    // The token stylesheet rendered again, as DevModuleServer::tokensChanged() answers.
    using TokensChanged = std::function<QList<QJsonObject>()>;

    HotUpdatePlanner(DevModuleCompiler &compiler, ModuleLinker &linker, DevModuleCache &cache, TokensChanged tokensChanged);

    // The project's token configuration file, relative or absolute: a change to it is a
    // token change.
    void setTokensConfig(const QString &tokensConfig) { m_tokensConfig = tokensConfig; }

    // DevModuleServer::filesChanged.
    QList<QJsonObject> filesChanged(const QStringList &paths, DevModuleServer::ChangeTiming timing);

    // {"type":"error"} for the client's overlay: the message, located, with its code frame.
    static QJsonObject errorMessage(const BuildMessage &message, const QString &projectDir);

private:
    QList<QJsonObject> changes(const QStringList &paths);
    QList<QJsonObject> failure(const BuildMessage &message) const;
    bool addNewDependencies(const QString &urlPath, QJsonObject &sent, bool &bundleCssChanged);
    bool appendBoundaries(const QString &urlPath, const QJsonObject &sent, qint64 now, QJsonArray &updates) const;

    DevModuleCompiler &m_compiler;
    ModuleLinker &m_linker;
    DevModuleCache &m_cache;
    TokensChanged m_tokensChanged;
    QString m_tokensConfig;
    QHash<QString, QByteArray> m_earlyContent;  // file -> the content a leading-edge change handled
};

} // namespace helios::ignis
