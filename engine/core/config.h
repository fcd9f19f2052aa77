// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "result.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QString>

namespace helios {

// Where the engine keeps its state and which back ends it talks to.
//
// Values come from, lowest precedence first:
//   1. built-in defaults (every back end embedded, data in the user's data dir);
//   2. a JSON config file: the path given to load(), else $HELIOS_CONFIG, else
//      <XDG config dir>/helios/config.json if it exists. Keys are the environment
//      variable names below, values strings: {"REDIS_URL": "redis://127.0.0.1:6379/0"};
//   3. environment variables;
//   4. overrides passed by the caller (command-line flags).
// An unset or empty URL means the embedded implementation of that back end.
class Config {
public:
    // The keys, spelled as in the seed architecture.
    static constexpr const char *DataDir = "HELIOS_DATA_DIR";
    static constexpr const char *DatabaseUrl = "DATABASE_URL";
    static constexpr const char *DatabaseReplicaUrl = "DATABASE_REPLICA_URL";
    static constexpr const char *RedisUrl = "REDIS_URL";
    static constexpr const char *RedisSentinelUrl = "REDIS_SENTINEL_URL";
    static constexpr const char *NatsUrl = "NATS_URL";
    static constexpr const char *NatsClusterUrl = "NATS_CLUSTER_URL";
    static constexpr const char *RegistryUrl = "REGISTRY_URL";
    static constexpr const char *RegistryMirrorUrl = "REGISTRY_MIRROR_URL";
    static constexpr const char *ConnectTimeoutMs = "HELIOS_CONNECT_TIMEOUT_MS";

    // Identity (LANDING). The secret is never printed.
    static constexpr const char *JwtSecret = "HELIOS_JWT_SECRET";
    static constexpr const char *JwksUrl = "HELIOS_JWKS_URL";
    static constexpr const char *JwtIssuer = "HELIOS_JWT_ISSUER";
    static constexpr const char *JwtAudience = "HELIOS_JWT_AUDIENCE";
    static constexpr const char *Anonymous = "HELIOS_ANONYMOUS"; // "1": allowed on loopback

    // Server mode. Rate limits are "BURST/PER_SECOND", e.g. "60/20".
    static constexpr const char *TlsCert = "HELIOS_TLS_CERT"; // PEM paths; both or neither
    static constexpr const char *TlsKey = "HELIOS_TLS_KEY";
    // Extra CA certificates (PEM) trusted for upstream nodes and the JWKS URL.
    static constexpr const char *TlsCa = "HELIOS_TLS_CA";
    static constexpr const char *MaxBodyBytes = "HELIOS_MAX_BODY_BYTES";
    static constexpr const char *RateLimitIdentity = "HELIOS_RATE_LIMIT_IDENTITY";
    static constexpr const char *RateLimitAddress = "HELIOS_RATE_LIMIT_ADDRESS";
    // IGNIS: the esbuild binary to use, and the directory of Helios's pinned JavaScript
    // toolchain (resources/toolchain with its node_modules). See EsbuildToolchain.
    static constexpr const char *Esbuild = "HELIOS_ESBUILD";
    static constexpr const char *ToolchainDir = "HELIOS_TOOLCHAIN_DIR";
    // SPARK's optional LLM expert: an OpenAI-compatible endpoint (http or https), the
    // model to ask and its API key. Unset URL: the expert is off. The key is a secret.
    static constexpr const char *AiUrl = "HELIOS_AI_URL";
    static constexpr const char *AiModel = "HELIOS_AI_MODEL";
    static constexpr const char *AiKey = "HELIOS_AI_KEY";
    // WAYPOINT: the port the local target's deployments are served on (plain HTTP on
    // the node's address; default 3105), and the Kubernetes API server of the kubernetes
    // target: its https URL, a bearer token (a secret) and a CA bundle (PEM path).
    static constexpr const char *SitesPort = "HELIOS_SITES_PORT";
    static constexpr const char *KubeApi = "HELIOS_KUBE_API";
    static constexpr const char *KubeToken = "HELIOS_KUBE_TOKEN";
    static constexpr const char *KubeCa = "HELIOS_KUBE_CA";
    // Luminera MCP over Streamable HTTP: the project directory the tools of /mcp on
    // `helios serve` work on. Unset: /mcp answers 503 (`helios mcp --project` takes its own).
    static constexpr const char *McpProject = "HELIOS_MCP_PROJECT";
    // Per subsystem (LANDING, SLATE, IGNITION, SPARK, IGNIS, WAYPOINT):
    // HELIOS_<NAME>_PORT overrides its port; HELIOS_<NAME>_UPSTREAM is the https URL of
    // the node that serves it when this node's role does not.
    static QStringList subsystemNames(); // "LANDING", "SLATE", ... in port order

    static QStringList knownKeys();

    struct LoadOptions {
        QString configFile;                 // empty: $HELIOS_CONFIG or the XDG default
        QHash<QString, QString> overrides;  // highest precedence
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    };

    // Fails on an unreadable or malformed config file, an unknown key, a non-string
    // value or a URL whose scheme does not fit its back end; nothing is half-applied.
    static Result<Config> load(const LoadOptions &options);
    static Result<Config> load() { return load(LoadOptions{}); }

    // The file load() reads when given none: $HELIOS_CONFIG, else
    // <XDG config dir>/helios/config.json, which may not exist yet.
    static QString userConfigFile(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    // Checks one value as load() would (a known key; a URL whose scheme fits its back
    // end), for editors that validate while the user types.
    static Result<void> checkValue(const QString &key, const QString &value);
    // Sets `values` in the JSON config file `file` (created, with its directory, if
    // missing), keeping its other keys; an empty value removes the key. Everything is
    // checked first and the file replaced atomically: on failure nothing changes.
    static Result<void> writeFile(const QString &file, const QHash<QString, QString> &values);

    // All back ends embedded, state under `dataDir`. For tests and first start.
    static Config embedded(const QString &dataDir);

    QString value(const QString &key) const { return m_values.value(key); }
    // "default", "file <path>", "environment" or "override": for `helios status`.
    QString sourceOf(const QString &key) const { return m_sources.value(key, QStringLiteral("default")); }
    void set(const QString &key, const QString &value, const QString &source = QStringLiteral("override"));

    QString dataDir() const { return value(QString::fromLatin1(DataDir)); }
    QString databaseUrl() const { return value(QString::fromLatin1(DatabaseUrl)); }
    QString databaseReplicaUrl() const { return value(QString::fromLatin1(DatabaseReplicaUrl)); }
    QString redisUrl() const { return value(QString::fromLatin1(RedisUrl)); }
    QString redisSentinelUrl() const { return value(QString::fromLatin1(RedisSentinelUrl)); }
    QString natsUrl() const { return value(QString::fromLatin1(NatsUrl)); }
    QString natsClusterUrl() const { return value(QString::fromLatin1(NatsClusterUrl)); }
    QString registryUrl() const { return value(QString::fromLatin1(RegistryUrl)); }
    QString registryMirrorUrl() const { return value(QString::fromLatin1(RegistryMirrorUrl)); }
    // Keys that hold secrets: shown as "***" wherever configuration is printed.
    static bool isSecret(const QString &key);

    // How long a back end may take to answer a connection attempt before it counts as down.
    int connectTimeoutMs() const;

private:
    Result<void> validate() const;

    QHash<QString, QString> m_values;
    QHash<QString, QString> m_sources;
};

// A URL as it may appear in logs and status output: the password replaced by "***".
QString redactUrl(const QString &url);

} // namespace helios
