// SPDX-License-Identifier: Apache-2.0
#include "artifact_store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

namespace helios::data {

namespace {

// The OCI distribution spec's grammar, compiled once: regular expressions are costly
// to build and these run on every call.
const QRegularExpression &repositoryPattern()
{
    static const QRegularExpression re(QRegularExpression::anchoredPattern(
        QStringLiteral("[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*")));
    return re;
}

const QRegularExpression &tagPattern()
{
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}")));
    return re;
}

const QRegularExpression &digestPattern()
{
    static const QRegularExpression re(QRegularExpression::anchoredPattern(
        QStringLiteral("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+")));
    return re;
}

const QRegularExpression &sha256Pattern()
{
    static const QRegularExpression re(QRegularExpression::anchoredPattern(QStringLiteral("sha256:[a-f0-9]{64}")));
    return re;
}

// Registries cap "host/name" at 255 characters; we apply the cap to the name alone so
// that the same name is accepted by both back ends.
constexpr qsizetype MaxRepositoryLength = 255;

QString quoted(const QString &value)
{
    // Bad input is echoed back to help the caller, but never at unbounded length.
    return QLatin1Char('"') + (value.size() > 80 ? value.left(80) + QStringLiteral("...") : value) + QLatin1Char('"');
}

Result<Descriptor> parseDescriptor(const QJsonValue &value, const QString &where)
{
    if (!value.isObject())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("manifest field %1 is not a descriptor object").arg(where));
    const QJsonObject object = value.toObject();
    Descriptor descriptor;
    descriptor.mediaType = object.value(QLatin1StringView("mediaType")).toString();
    descriptor.digest = object.value(QLatin1StringView("digest")).toString();
    const QJsonValue size = object.value(QLatin1StringView("size"));
    if (!size.isDouble() || size.toDouble() < 0)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("manifest field %1 has no valid size").arg(where));
    descriptor.size = static_cast<qint64>(size.toDouble());
    if (auto valid = validateDigest(descriptor.digest); !valid)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("manifest field %1: %2").arg(where, valid.error().message));
    return descriptor;
}

} // namespace

Result<void> validateRepository(const QString &repository)
{
    if (repository.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("repository name must not be empty"));
    if (repository.size() > MaxRepositoryLength)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("repository name is %1 characters long; at most %2 are allowed")
                             .arg(repository.size())
                             .arg(MaxRepositoryLength));
    if (!repositoryPattern().match(repository).hasMatch())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("invalid repository name %1: use lower-case path components of "
                                        "[a-z0-9] joined by '.', '_', '__' or '-', separated by '/'")
                             .arg(quoted(repository)));
    return {};
}

Result<void> validateTag(const QString &tag)
{
    if (tag.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("tag must not be empty"));
    if (!tagPattern().match(tag).hasMatch())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("invalid tag %1: up to 128 characters of [A-Za-z0-9_.-], not starting "
                                        "with '.' or '-'")
                             .arg(quoted(tag)));
    return {};
}

Result<void> validateDigest(const QString &digest)
{
    if (!digestPattern().match(digest).hasMatch())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("invalid digest %1").arg(quoted(digest)));
    if (!digest.startsWith(QLatin1StringView("sha256:")))
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("digest algorithm of %1 is not supported; only sha256 is").arg(quoted(digest)));
    if (!sha256Pattern().match(digest).hasMatch())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("invalid sha256 digest %1: expected 64 lower-case hex digits").arg(quoted(digest)));
    return {};
}

Result<QList<Descriptor>> manifestReferences(const QByteArray &bytes, const QString &mediaType)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("manifest is not valid JSON at offset %1: %2")
                                                         .arg(parseError.offset)
                                                         .arg(parseError.errorString()));
    if (!document.isObject())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("manifest must be a JSON object"));
    const QJsonObject root = document.object();
    const QJsonValue declared = root.value(QLatin1StringView("mediaType"));
    if (declared.isString() && declared.toString() != mediaType)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("manifest declares mediaType %1 but was given as %2")
                             .arg(quoted(declared.toString()), quoted(mediaType)));
    if (root.value(QLatin1StringView("schemaVersion")).toInt() != 2)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("manifest schemaVersion must be 2"));

    QList<Descriptor> references;
    const QJsonValue config = root.value(QLatin1StringView("config"));
    if (!config.isUndefined()) {
        auto descriptor = parseDescriptor(config, QStringLiteral("config"));
        HELIOS_TRY(descriptor);
        references.append(std::move(descriptor.value()));
    }
    for (const char *field : {"layers", "manifests"}) {
        const QJsonValue list = root.value(QLatin1StringView(field));
        if (list.isUndefined())
            continue;
        if (!list.isArray())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("manifest field %1 must be an array").arg(QLatin1StringView(field)));
        const QJsonArray array = list.toArray();
        references.reserve(references.size() + array.size());
        for (qsizetype i = 0; i < array.size(); ++i) {
            auto descriptor = parseDescriptor(array.at(i), QStringLiteral("%1[%2]").arg(QLatin1StringView(field)).arg(i));
            HELIOS_TRY(descriptor);
            references.append(std::move(descriptor.value()));
        }
    }
    return references;
}

Result<QList<Descriptor>> checkManifestInput(const QString &repository, const QString &tag,
                                             const QByteArray &bytes, const QString &mediaType)
{
    HELIOS_TRY(validateRepository(repository));
    if (!tag.isEmpty())
        HELIOS_TRY(validateTag(tag));
    if (mediaType.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("manifest media type must not be empty"));
    return manifestReferences(bytes, mediaType);
}

} // namespace helios::data
