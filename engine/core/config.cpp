// SPDX-License-Identifier: Apache-2.0
#include "config.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace helios {

namespace {

QString key(const char *name) { return QString::fromLatin1(name); }

// Which URL schemes each back-end key accepts.
QStringList schemesFor(const QString &k)
{
    if (k == key(Config::DatabaseUrl) || k == key(Config::DatabaseReplicaUrl))
        return {QStringLiteral("postgresql"), QStringLiteral("postgres")};
    if (k == key(Config::RedisUrl))
        return {QStringLiteral("redis"), QStringLiteral("rediss")};
    if (k == key(Config::RedisSentinelUrl))
        return {QStringLiteral("redis"), QStringLiteral("redis-sentinel")};
    if (k == key(Config::NatsUrl) || k == key(Config::NatsClusterUrl))
        return {QStringLiteral("nats"), QStringLiteral("tls")};
    if (k == key(Config::RegistryUrl) || k == key(Config::RegistryMirrorUrl) || k == key(Config::JwksUrl)
        || k == key(Config::AiUrl) || k == key(Config::KubeApi))
        return {QStringLiteral("http"), QStringLiteral("https")};
    if (k.endsWith(QLatin1StringView("_UPSTREAM")))
        return {QStringLiteral("https"), QStringLiteral("http")};
    return {};
}

QString defaultConfigFile(const QProcessEnvironment &env)
{
    const QString path = Config::userConfigFile(env);
    return QFileInfo::exists(path) || !env.value(QStringLiteral("HELIOS_CONFIG")).isEmpty() ? path : QString();
}

} // namespace

QStringList Config::knownKeys()
{
    QStringList keys{key(DataDir),     key(DatabaseUrl),     key(DatabaseReplicaUrl),
            key(RedisUrl),    key(RedisSentinelUrl), key(NatsUrl),
            key(NatsClusterUrl), key(RegistryUrl),   key(RegistryMirrorUrl),
            key(ConnectTimeoutMs), key(JwtSecret), key(JwksUrl),
            key(JwtIssuer),   key(JwtAudience),     key(Anonymous),
            key(TlsCert),     key(TlsKey),          key(TlsCa),          key(MaxBodyBytes),
            key(RateLimitIdentity), key(RateLimitAddress), key(Esbuild), key(ToolchainDir),
            key(AiUrl),       key(AiModel),         key(AiKey),
            key(SitesPort),   key(KubeApi),         key(KubeToken),      key(KubeCa),
            key(McpProject)};
    for (const QString &name : subsystemNames())
        keys << QStringLiteral("HELIOS_%1_PORT").arg(name) << QStringLiteral("HELIOS_%1_UPSTREAM").arg(name);
    return keys;
}

QStringList Config::subsystemNames()
{
    return {QStringLiteral("LANDING"), QStringLiteral("SLATE"), QStringLiteral("IGNITION"),
            QStringLiteral("SPARK"),   QStringLiteral("IGNIS"), QStringLiteral("WAYPOINT")};
}

bool Config::isSecret(const QString &k)
{
    return k == key(JwtSecret) || k == key(AiKey) || k == key(KubeToken);
}

Config Config::embedded(const QString &dataDir)
{
    Config config;
    config.set(key(DataDir), dataDir, QStringLiteral("default"));
    return config;
}

void Config::set(const QString &k, const QString &v, const QString &source)
{
    m_values.insert(k, v);
    m_sources.insert(k, source);
}

int Config::connectTimeoutMs() const
{
    bool ok = false;
    const int ms = value(key(ConnectTimeoutMs)).toInt(&ok);
    return ok && ms > 0 ? ms : 3000;
}

Result<Config> Config::load(const LoadOptions &options)
{
    Config config;
    config.set(key(DataDir),
               QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
                   + QStringLiteral("/helios"),
               QStringLiteral("default"));

    const QStringList keys = knownKeys();
    const QString file = options.configFile.isEmpty() ? defaultConfigFile(options.environment)
                                                      : options.configFile;
    if (!file.isEmpty()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io, QStringLiteral("cannot read config file: ") + f.errorString(), file);
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("malformed JSON at offset %1: %2")
                                 .arg(parseError.offset).arg(parseError.errorString()),
                             file);
        if (!doc.isObject())
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("config must be a JSON object"), file);
        const QJsonObject object = doc.object();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!keys.contains(it.key()))
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("unknown key \"%1\"; known keys: %2")
                                     .arg(it.key(), keys.join(QStringLiteral(", "))),
                                 file);
            if (!it.value().isString())
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("value of \"%1\" must be a string").arg(it.key()), file);
            config.set(it.key(), it.value().toString(), QStringLiteral("file ") + file);
        }
    }

    for (const QString &k : keys) {
        if (options.environment.contains(k))
            config.set(k, options.environment.value(k), QStringLiteral("environment"));
    }
    for (auto it = options.overrides.begin(); it != options.overrides.end(); ++it) {
        if (!keys.contains(it.key()))
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("unknown setting \"%1\"").arg(it.key()));
        config.set(it.key(), it.value(), QStringLiteral("override"));
    }

    HELIOS_TRY(config.validate());
    return config;
}

QString Config::userConfigFile(const QProcessEnvironment &environment)
{
    const QString explicitPath = environment.value(QStringLiteral("HELIOS_CONFIG"));
    if (!explicitPath.isEmpty())
        return explicitPath;
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/helios/config.json");
}

Result<void> Config::checkValue(const QString &k, const QString &v)
{
    if (!knownKeys().contains(k))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("unknown setting \"%1\"").arg(k));
    Config config = embedded(QStringLiteral("unused"));
    config.set(k, v);
    return config.validate();
}

Result<void> Config::writeFile(const QString &file, const QHash<QString, QString> &values)
{
    QJsonObject object;
    if (QFileInfo::exists(file)) {
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io, QStringLiteral("cannot read config file: ") + in.errorString(), file);
        const QJsonDocument doc = QJsonDocument::fromJson(in.readAll());
        if (!doc.isObject())
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("config must be a JSON object"), file);
        object = doc.object();
    }
    for (auto it = values.begin(); it != values.end(); ++it) {
        HELIOS_TRY(checkValue(it.key(), it.value()));
        if (it.value().isEmpty())
            object.remove(it.key());
        else
            object.insert(it.key(), it.value());
    }
    if (!QDir().mkpath(QFileInfo(file).absolutePath()))
        return makeError(ErrorCode::Io, QStringLiteral("cannot create the config directory"), file);
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot write config file: ") + out.errorString(), file);
    // Secrets may be in it (HELIOS_AI_KEY, passwords in URLs): readable by the user only.
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write(QJsonDocument(object).toJson());
    if (!out.commit())
        return makeError(ErrorCode::Io, QStringLiteral("cannot write config file: ") + out.errorString(), file);
    return {};
}

Result<void> Config::validate() const
{
    for (const QString &k : knownKeys()) {
        const QStringList schemes = schemesFor(k);
        const QString v = value(k);
        if (schemes.isEmpty() || v.isEmpty())
            continue;
        const QUrl url(v, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("%1 is not a valid URL (%2)").arg(k, redactUrl(v)), sourceOf(k));
        if (!schemes.contains(url.scheme()))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("%1 has scheme \"%2\"; expected %3")
                                 .arg(k, url.scheme(), schemes.join(QStringLiteral(" or "))),
                             sourceOf(k));
    }
    const QString timeout = value(key(ConnectTimeoutMs));
    if (!timeout.isEmpty()) {
        bool ok = false;
        if (timeout.toInt(&ok) <= 0 || !ok)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("%1 must be a positive number of milliseconds, not \"%2\"")
                                 .arg(key(ConnectTimeoutMs), timeout),
                             sourceOf(key(ConnectTimeoutMs)));
    }
    if (dataDir().isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1 must not be empty").arg(key(DataDir)));
    return {};
}

QString redactUrl(const QString &url)
{
    QUrl u(url);
    if (!u.isValid())
        return QStringLiteral("<unparseable URL>");
    if (!u.password().isEmpty())
        u.setPassword(QStringLiteral("***"));
    QUrlQuery query(u);
    const QString passwordKey = QStringLiteral("password");
    if (query.hasQueryItem(passwordKey)) {
        query.removeAllQueryItems(passwordKey);
        query.addQueryItem(passwordKey, QStringLiteral("***"));
        u.setQuery(query);
    }
    return u.toString();
}

} // namespace helios
