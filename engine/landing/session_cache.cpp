// SPDX-License-Identifier: Apache-2.0
#include "session_cache.h"

#include "cache/cache.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace helios::landing {

namespace {

// Longer than any session, so a generation normally outlives the sessions that name it;
// when it does not, those sessions only become invalid.
constexpr std::chrono::hours GenerationTtl{24};
// Steps stay far below 2^63 so the counter does not overflow in practice (millions of
// role changes within one GenerationTtl).
constexpr quint64 MaxStep = quint64(1) << 40;

QByteArray sessionKey(QByteArrayView token) {
    return QByteArrayLiteral("session:") +
           QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

QByteArray generationKey(const QString &subject) {
    return QByteArrayLiteral("session-gen:") + subject.toUtf8();
}

qint64 randomStep() {
    return qint64(QRandomGenerator::system()->bounded(quint64(1), MaxStep));
}

} // namespace

SessionCache::SessionCache(data::Cache &cache)
    : m_cache(cache) {}

Result<std::optional<Identity>> SessionCache::find(QByteArrayView token, const QDateTime &now) {
    const auto stored = m_cache.get(sessionKey(token));
    HELIOS_TRY(stored);
    if (!stored->has_value())
        return std::optional<Identity>();
    const QJsonObject session = QJsonDocument::fromJson(**stored).object();
    const auto role = roleFromName(session.value(QLatin1StringView("role")).toString());
    const QString subject = session.value(QLatin1StringView("sub")).toString();
    const qint64 expires = qint64(session.value(QLatin1StringView("exp")).toDouble());
    // A string: a generation may exceed what a JSON number (a double) holds exactly.
    bool generationOk = false;
    const qint64 generation =
        session.value(QLatin1StringView("gen")).toString().toLongLong(&generationOk);
    // Anything unreadable is a miss: the token is then verified as if never seen.
    if (!role || subject.isEmpty() || !generationOk || expires <= now.toSecsSinceEpoch())
        return std::optional<Identity>();

    const auto current = m_cache.get(generationKey(subject));
    HELIOS_TRY(current);
    bool isNumber = false;
    if (!current->has_value() || (*current)->toLongLong(&isNumber) != generation || !isNumber)
        return std::optional<Identity>();

    Identity identity;
    identity.subject = subject;
    identity.role = *role;
    identity.expires = QDateTime::fromSecsSinceEpoch(expires, Qt::UTC);
    return std::optional<Identity>(identity);
}

Result<qint64> SessionCache::generation(const QString &subject) {
    const QByteArray key = generationKey(subject);
    // increment by 0 reads the counter, creating it atomically when missing...
    auto value = m_cache.increment(key, 0, GenerationTtl);
    HELIOS_TRY(value);
    if (*value != 0)
        return *value;
    // ...and a fresh counter is moved off 0 at once, so that a generation recreated after
    // eviction can never equal one that older sessions recorded.
    return m_cache.increment(key, randomStep(), GenerationTtl);
}

Result<void> SessionCache::remember(QByteArrayView token, const Identity &identity,
                                    qint64 generation, const QDateTime &now) {
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 untilMs = std::min(identity.expires.toMSecsSinceEpoch(),
                                    nowMs + std::chrono::milliseconds(MaxLifetime).count());
    if (untilMs <= nowMs)
        return {};
    const QJsonObject session{{QStringLiteral("sub"), identity.subject},
                              {QStringLiteral("role"), roleName(identity.role)},
                              {QStringLiteral("exp"), identity.expires.toSecsSinceEpoch()},
                              {QStringLiteral("gen"), QString::number(generation)}};
    return m_cache.set(sessionKey(token), QJsonDocument(session).toJson(QJsonDocument::Compact),
                       std::chrono::milliseconds(untilMs - nowMs));
}

Result<void> SessionCache::invalidate(const QString &subject) {
    const auto moved = m_cache.increment(generationKey(subject), randomStep(), GenerationTtl);
    HELIOS_TRY(moved);
    return {};
}

} // namespace helios::landing
