// SPDX-License-Identifier: Apache-2.0
// helios.json's "deploy" block, read with the line and column of every value so that each
// problem can say where it is.
#include "waypoint/deploy_policy.h"

#include "slate/json_reader.h"

#include <QFile>
#include <QRegularExpression>

namespace helios::waypoint {

namespace {

using slate::JsonValue;

class PolicyReader {
public:
    explicit PolicyReader(QString fileName) : m_fileName(std::move(fileName)) {}

    QStringList problems;

    void fail(slate::SourcePosition at, const QString &text)
    {
        problems << QStringLiteral("%1:%2:%3: %4").arg(m_fileName).arg(at.line).arg(at.column).arg(text);
    }
    void fail(const JsonValue &at, const QString &text) { fail(at.position(), text); }

    // Unknown keys are errors: a misspelt "aproval" silently ignored would open a gate.
    void checkKeys(const JsonValue &object, const QStringList &known, const QString &where)
    {
        for (const JsonValue &child : object.children())
            if (!known.contains(child.key()))
                fail(child.keyPosition(), QStringLiteral("unknown key \"%1\" in %2 (known: %3)")
                                              .arg(child.key(), where, known.join(QStringLiteral(", "))));
    }

    bool isObject(const JsonValue &value, const QString &what)
    {
        if (value.isObject())
            return true;
        fail(value, QStringLiteral("%1 must be an object, found %2").arg(what, value.kindName()));
        return false;
    }

    void integer(const JsonValue &object, QStringView key, int minimum, int maximum, int &out)
    {
        const JsonValue *value = object.member(key);
        if (!value)
            return;
        const double number = value->toNumber();
        if (!value->isNumber() || number != static_cast<double>(static_cast<qint64>(number)) || number < minimum
            || number > maximum) {
            fail(*value, QStringLiteral("\"%1\" must be a whole number from %2 to %3, found %4")
                             .arg(key)
                             .arg(minimum)
                             .arg(maximum)
                             .arg(value->toJsonText()));
            return;
        }
        out = static_cast<int>(number);
    }

    void string(const JsonValue &object, QStringView key, QString &out, bool allowEmpty = false)
    {
        const JsonValue *value = object.member(key);
        if (!value)
            return;
        if (!value->isString() || (!allowEmpty && value->toString().isEmpty())) {
            fail(*value, QStringLiteral("\"%1\" must be a%2 string, found %3")
                             .arg(key, allowEmpty ? QString() : QStringLiteral(" non-empty"), value->toJsonText()));
            return;
        }
        out = value->toString();
    }

    void readHealth(const JsonValue &value, HealthCheck &health)
    {
        if (!isObject(value, QStringLiteral("\"health\"")))
            return;
        checkKeys(value, {QStringLiteral("path"), QStringLiteral("attempts"), QStringLiteral("intervalMs"),
                          QStringLiteral("timeoutMs"), QStringLiteral("successThreshold")},
                  QStringLiteral("\"health\""));
        string(value, u"path", health.path);
        if (const JsonValue *path = value.member(u"path"); path && path->isString() && !health.path.startsWith(u'/'))
            fail(*path, QStringLiteral("the health check's \"path\" must start with '/', found \"%1\"").arg(health.path));
        integer(value, u"attempts", 1, 1000, health.attempts);
        integer(value, u"intervalMs", 0, 600000, health.intervalMs);
        integer(value, u"timeoutMs", 1, 600000, health.timeoutMs);
        integer(value, u"successThreshold", 1, 1000, health.successThreshold);
        if (health.successThreshold > health.attempts)
            fail(value, QStringLiteral("\"successThreshold\" (%1) cannot exceed \"attempts\" (%2): the check could never pass")
                            .arg(health.successThreshold)
                            .arg(health.attempts));
    }

    void readKubernetes(const JsonValue &value, KubernetesSettings &k)
    {
        if (!isObject(value, QStringLiteral("\"kubernetes\"")))
            return;
        checkKeys(value, {QStringLiteral("namespace"), QStringLiteral("host"), QStringLiteral("replicas"),
                          QStringLiteral("containerPort"), QStringLiteral("registry"), QStringLiteral("ingressClass"),
                          QStringLiteral("rolloutTimeoutMs")},
                  QStringLiteral("\"kubernetes\""));
        string(value, u"namespace", k.ns);
        static const QRegularExpression dnsLabel(QStringLiteral("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"));
        if (const JsonValue *ns = value.member(u"namespace"); ns && ns->isString() && !dnsLabel.match(k.ns).hasMatch())
            fail(*ns, QStringLiteral("\"namespace\" must be a DNS label (lower case letters, digits and '-'), found \"%1\"")
                          .arg(k.ns));
        string(value, u"host", k.host, true);
        integer(value, u"replicas", 1, 1000, k.replicas);
        integer(value, u"containerPort", 1, 65535, k.containerPort);
        string(value, u"registry", k.registry, true);
        string(value, u"ingressClass", k.ingressClass, true);
        integer(value, u"rolloutTimeoutMs", 1000, 3600000, k.rolloutTimeoutMs);
    }

    void readApproval(const JsonValue &value, EnvironmentPolicy &env)
    {
        if (value.isNull() || (value.isString() && value.toString() == QLatin1StringView("none"))) {
            env.approver.reset();
            return;
        }
        const auto role = value.isString() ? landing::roleFromName(value.toString()) : std::nullopt;
        if (!role || *role == landing::Role::Viewer) {
            fail(value, QStringLiteral("\"approval\" is the least role that may approve: \"developer\", \"admin\" or "
                                       "\"none\", found %1")
                            .arg(value.toJsonText()));
            return;
        }
        env.approver = role;
    }

    // `env` arrives with the defaults for its name and the top level's health and retention.
    void readEnvironment(const JsonValue &value, EnvironmentPolicy &env, const QStringList &before)
    {
        static const QRegularExpression namePattern(QStringLiteral("^[a-z][a-z0-9-]{0,31}$"));
        if (!namePattern.match(env.name).hasMatch())
            fail(value.keyPosition(), QStringLiteral("environment name \"%1\" must match [a-z][a-z0-9-]{0,31}").arg(env.name));
        if (!isObject(value, QStringLiteral("environment \"%1\"").arg(env.name)))
            return;
        checkKeys(value, {QStringLiteral("auto"), QStringLiteral("approval"), QStringLiteral("from"),
                          QStringLiteral("target"), QStringLiteral("health"), QStringLiteral("retention")},
                  QStringLiteral("environment \"%1\"").arg(env.name));
        if (const JsonValue *autoDeploy = value.member(u"auto")) {
            if (autoDeploy->isBool())
                env.autoDeploy = autoDeploy->toBool();
            else
                fail(*autoDeploy, QStringLiteral("\"auto\" must be true or false, found %1").arg(autoDeploy->toJsonText()));
        }
        if (const JsonValue *approval = value.member(u"approval"))
            readApproval(*approval, env);
        string(value, u"from", env.promotesFrom, true);
        if (!env.promotesFrom.isEmpty() && !before.contains(env.promotesFrom)) {
            const JsonValue *from = value.member(u"from");
            fail(from ? from->position() : value.keyPosition(),
                 QStringLiteral("environment \"%1\" promotes from \"%2\"%3, which is not an environment listed before it")
                     .arg(env.name, env.promotesFrom, from ? QString() : QStringLiteral(" (the default)")));
        }
        string(value, u"target", env.target);
        if (const JsonValue *target = value.member(u"target");
            target && target->isString() && env.target != QLatin1StringView("local")
            && env.target != QLatin1StringView("kubernetes"))
            fail(*target, QStringLiteral("\"target\" must be \"local\" or \"kubernetes\", found \"%1\"").arg(env.target));
        if (const JsonValue *health = value.member(u"health"))
            readHealth(*health, env.health);
        integer(value, u"retention", 2, 1000, env.retention);
    }

    void read(const JsonValue &deploy, DeployPolicy &policy)
    {
        if (!isObject(deploy, QStringLiteral("\"deploy\"")))
            return;
        checkKeys(deploy, {QStringLiteral("version"), QStringLiteral("health"), QStringLiteral("retention"),
                           QStringLiteral("kubernetes"), QStringLiteral("environments")},
                  QStringLiteral("\"deploy\""));
        if (const JsonValue *version = deploy.member(u"version")) {
            const auto scheme = version->isString() ? versionSchemeFromName(version->toString())
                                                    : versionSchemeFromName(version->toJsonText());
            if (scheme.ok())
                policy.versionScheme = *scheme;
            else
                fail(*version, QStringLiteral("\"version\": ") + scheme.error().message);
        }
        HealthCheck health;
        if (const JsonValue *value = deploy.member(u"health"))
            readHealth(*value, health);
        int retention = EnvironmentPolicy().retention;
        integer(deploy, u"retention", 2, 1000, retention);
        if (const JsonValue *value = deploy.member(u"kubernetes"))
            readKubernetes(*value, policy.kubernetes);

        const DeployPolicy seed = DeployPolicy::defaults();
        for (EnvironmentPolicy &env : policy.environments) {
            env.health = health;
            env.retention = retention;
        }
        const JsonValue *environments = deploy.member(u"environments");
        if (!environments)
            return;
        if (!isObject(*environments, QStringLiteral("\"environments\"")))
            return;
        if (environments->children().empty()) {
            fail(*environments, QStringLiteral("\"environments\" must name at least one environment"));
            return;
        }
        // The environments listed are the project's, in promotion order; dev, staging and
        // prod start from the seed's policy, others from none.
        policy.environments.clear();
        QStringList names;
        for (const JsonValue &value : environments->children()) {
            EnvironmentPolicy env;
            if (const EnvironmentPolicy *known = seed.environment(value.key()))
                env = *known;
            env.name = value.key();
            env.health = health;
            env.retention = retention;
            readEnvironment(value, env, names);
            names << env.name;
            policy.environments.append(env);
        }
    }

private:
    QString m_fileName;
};

} // namespace

Result<DeployPolicy> parseDeployPolicy(QByteArrayView heliosJson, const QString &fileName)
{
    DeployPolicy policy = DeployPolicy::defaults();
    PolicyReader reader(fileName);
    const auto parsed = slate::JsonReader::parse(heliosJson, fileName);
    for (const slate::Diagnostic &diagnostic : parsed.diagnostics)
        reader.fail(diagnostic.position, diagnostic.message);
    if (parsed.complete) {
        if (!parsed.root.isObject())
            reader.fail(parsed.root, QStringLiteral("helios.json must hold an object, found %1").arg(parsed.root.kindName()));
        else if (const JsonValue *deploy = parsed.root.member(u"deploy"))
            reader.read(*deploy, policy);
    }
    if (!reader.problems.isEmpty())
        return makeError(ErrorCode::InvalidArgument, reader.problems.join(QLatin1Char('\n')), fileName);
    return policy;
}

Result<DeployPolicy> readDeployPolicy(const QString &projectDir)
{
    const QString path = projectDir + QStringLiteral("/helios.json");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(file.exists() ? ErrorCode::Io : ErrorCode::NotFound,
                         QStringLiteral("cannot read %1: %2").arg(path, file.errorString()), path);
    return parseDeployPolicy(file.readAll(), QStringLiteral("helios.json"));
}

} // namespace helios::waypoint
