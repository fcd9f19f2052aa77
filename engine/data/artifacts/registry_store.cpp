// SPDX-License-Identifier: Apache-2.0
#include "registry_store.h"

#include "core/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace helios::data {

namespace {

const QByteArray ManifestAccept = QByteArrayLiteral(
    "application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json, "
    "application/vnd.docker.distribution.manifest.v2+json, "
    "application/vnd.docker.distribution.manifest.list.v2+json");

bool isDigest(const QString &reference) { return reference.contains(QLatin1Char(':')); }

// The media type without parameters ("application/json; charset=utf-8" -> "application/json").
QString bareMediaType(const QByteArray &contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    return QString::fromLatin1(semicolon < 0 ? contentType : contentType.left(semicolon)).trimmed();
}

// The target of a `Link: <url>; rel="next"` header, used by registries to page tag lists.
QByteArray nextLink(const QByteArray &link)
{
    if (!link.contains("rel=\"next\""))
        return {};
    const qsizetype open = link.indexOf('<');
    const qsizetype close = link.indexOf('>', open + 1);
    return open < 0 || close < 0 ? QByteArray() : link.mid(open + 1, close - open - 1);
}

// A digest the registry reports must agree with the one we computed over the bytes.
Result<void> checkReportedDigest(const RegistryResponse &response, const QByteArray &method, const QString &expected)
{
    const QByteArray reported = response.header("Docker-Content-Digest");
    if (!reported.isEmpty() && QString::fromLatin1(reported) != expected)
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("registry reports digest %1, expected %2")
                             .arg(QString::fromLatin1(reported), expected),
                         RegistryClient::contextFor(method, response.url));
    return {};
}

} // namespace

RegistryStore::RegistryStore(RegistryClient primary, std::optional<RegistryClient> mirror)
    : m_primary(std::move(primary)), m_mirror(std::move(mirror))
{
}

Result<std::unique_ptr<RegistryStore>> RegistryStore::open(const QString &url, const QString &mirrorUrl,
                                                           int connectTimeoutMs)
{
    auto primary = RegistryClient::create(url, connectTimeoutMs);
    HELIOS_TRY(primary);
    std::optional<RegistryClient> mirror;
    if (!mirrorUrl.isEmpty()) {
        auto client = RegistryClient::create(mirrorUrl, connectTimeoutMs);
        HELIOS_TRY(client);
        mirror = std::move(client.value());
    }
    return std::unique_ptr<RegistryStore>(new RegistryStore(std::move(primary.value()), std::move(mirror)));
}

template <typename T, typename Pull>
Result<T> RegistryStore::withFallback(Pull &&pull) const
{
    Result<T> result = pull(m_primary);
    if (result || !m_mirror || result.error().code != ErrorCode::Unavailable)
        return result;
    qCInfo(lcArtifacts).noquote() << QStringLiteral("registry %1 is unavailable (%2); pulling from mirror %3")
                                         .arg(m_primary.redactedBase(), result.error().message, m_mirror->redactedBase());
    Result<T> fromMirror = pull(*m_mirror);
    if (fromMirror || fromMirror.error().code == ErrorCode::NotFound)
        return fromMirror;
    return makeError(fromMirror.error().code,
                     QStringLiteral("primary registry unavailable (%1) and mirror failed: %2")
                         .arg(result.error().message, fromMirror.error().message),
                     fromMirror.error().context);
}

Result<Descriptor> RegistryStore::putBlob(const QString &repository, const QByteArray &bytes, const QString &mediaType,
                                          Durability)
{
    HELIOS_TRY(validateRepository(repository));
    const Descriptor descriptor{mediaType.isEmpty() ? QStringLiteral("application/octet-stream") : mediaType,
                                sha256Digest(bytes), bytes.size()};
    auto present = headBlob(m_primary, repository, descriptor.digest);
    HELIOS_TRY(present);
    if (present.value())
        return descriptor;

    const QUrl start = m_primary.apiUrl(repository + QStringLiteral("/blobs/uploads/"));
    auto started = m_primary.send("POST", start);
    HELIOS_TRY(started);
    if (started->status != 202)
        return m_primary.httpError("POST", started.value());
    const QByteArray location = started->header("Location");
    if (location.isEmpty())
        return makeError(ErrorCode::Internal, QStringLiteral("registry started an upload without a Location"),
                         RegistryClient::contextFor("POST", start));

    // The Location may be relative and may carry the registry's own state in its query;
    // the digest is appended to that query as it is, not re-encoded.
    QByteArray target = started->url.resolved(QUrl::fromEncoded(location)).toEncoded();
    target += (target.contains('?') ? "&digest=" : "?digest=") + descriptor.digest.toLatin1().replace(":", "%3A");
    const QUrl uploadUrl = QUrl::fromEncoded(target);
    auto finished = m_primary.send("PUT", uploadUrl,
                                   {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/octet-stream")}},
                                   bytes);
    HELIOS_TRY(finished);
    if (finished->status != 201)
        return m_primary.httpError("PUT", finished.value());
    HELIOS_TRY(checkReportedDigest(finished.value(), "PUT", descriptor.digest));
    qCDebug(lcArtifacts) << "pushed blob" << descriptor.digest << "to" << repository;
    return descriptor;
}

Result<bool> RegistryStore::headBlob(const RegistryClient &client, const QString &repository, const QString &digest)
{
    auto response = client.send("HEAD", client.apiUrl(repository + QStringLiteral("/blobs/") + digest));
    HELIOS_TRY(response);
    if (response->status == 200)
        return true;
    if (response->status == 404)
        return false;
    return client.httpError("HEAD", response.value());
}

Result<bool> RegistryStore::hasBlob(const QString &repository, const QString &digest)
{
    HELIOS_TRY(validateRepository(repository));
    HELIOS_TRY(validateDigest(digest));
    return withFallback<bool>([&](const RegistryClient &client) { return headBlob(client, repository, digest); });
}

Result<QByteArray> RegistryStore::fetchBlob(const RegistryClient &client, const QString &repository, const QString &digest)
{
    auto response = client.send("GET", client.apiUrl(repository + QStringLiteral("/blobs/") + digest));
    HELIOS_TRY(response);
    if (response->status != 200)
        return client.httpError("GET", response.value());
    const QString actual = sha256Digest(response->body);
    if (actual != digest)
        return makeError(ErrorCode::Corrupt, QStringLiteral("blob %1 hashes to %2").arg(digest, actual),
                         RegistryClient::contextFor("GET", response->url));
    return std::move(response->body);
}

Result<QByteArray> RegistryStore::getBlob(const QString &repository, const QString &digest)
{
    HELIOS_TRY(validateRepository(repository));
    HELIOS_TRY(validateDigest(digest));
    return withFallback<QByteArray>([&](const RegistryClient &client) { return fetchBlob(client, repository, digest); });
}

Result<QString> RegistryStore::putManifest(const QString &repository, const QString &tag, const QByteArray &bytes,
                                           const QString &mediaType, Durability)
{
    // Malformed manifests fail here exactly as in the layout store; references to
    // missing blobs are the registry's to reject (MANIFEST_BLOB_UNKNOWN, HTTP 400).
    HELIOS_TRY(checkManifestInput(repository, tag, bytes, mediaType));

    const QString digest = sha256Digest(bytes);
    const QUrl url = m_primary.apiUrl(repository + QStringLiteral("/manifests/") + (tag.isEmpty() ? digest : tag));
    auto response = m_primary.send("PUT", url, {{QByteArrayLiteral("Content-Type"), mediaType.toLatin1()}}, bytes);
    HELIOS_TRY(response);
    if (response->status != 201)
        return m_primary.httpError("PUT", response.value());
    HELIOS_TRY(checkReportedDigest(response.value(), "PUT", digest));
    qCDebug(lcArtifacts) << "pushed manifest" << digest << "to" << repository << "tag" << tag;
    return digest;
}

Result<Manifest> RegistryStore::fetchManifest(const RegistryClient &client, const QString &repository,
                                              const QString &reference)
{
    auto response = client.send("GET", client.apiUrl(repository + QStringLiteral("/manifests/") + reference),
                                {{QByteArrayLiteral("Accept"), ManifestAccept}});
    HELIOS_TRY(response);
    if (response->status != 200)
        return client.httpError("GET", response.value());
    Manifest manifest;
    manifest.digest = sha256Digest(response->body);
    if (isDigest(reference) && manifest.digest != reference)
        return makeError(ErrorCode::Corrupt, QStringLiteral("manifest %1 hashes to %2").arg(reference, manifest.digest),
                         RegistryClient::contextFor("GET", response->url));
    HELIOS_TRY(checkReportedDigest(response.value(), "GET", manifest.digest));
    manifest.mediaType = bareMediaType(response->header("Content-Type"));
    manifest.bytes = std::move(response->body);
    return manifest;
}

Result<Manifest> RegistryStore::getManifest(const QString &repository, const QString &reference)
{
    HELIOS_TRY(validateRepository(repository));
    if (isDigest(reference))
        HELIOS_TRY(validateDigest(reference));
    else
        HELIOS_TRY(validateTag(reference));
    return withFallback<Manifest>(
        [&](const RegistryClient &client) { return fetchManifest(client, repository, reference); });
}

Result<QStringList> RegistryStore::fetchTags(const RegistryClient &client, const QString &repository)
{
    QStringList tags;
    QUrl url = client.apiUrl(repository + QStringLiteral("/tags/list"));
    // Registries may page the list; a bounded number of pages guards against a loop.
    for (int page = 0; page < 1000; ++page) {
        auto response = client.send("GET", url);
        HELIOS_TRY(response);
        if (response->status != 200)
            return client.httpError("GET", response.value());
        const QJsonArray array =
            QJsonDocument::fromJson(response->body).object().value(QLatin1StringView("tags")).toArray();
        for (const QJsonValue &tag : array)
            tags.append(tag.toString());
        const QByteArray next = nextLink(response->header("Link"));
        if (next.isEmpty())
            break;
        url = response->url.resolved(QUrl::fromEncoded(next));
    }
    tags.sort();
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    return tags;
}

Result<QStringList> RegistryStore::listTags(const QString &repository)
{
    HELIOS_TRY(validateRepository(repository));
    return withFallback<QStringList>([&](const RegistryClient &client) { return fetchTags(client, repository); });
}

Result<void> RegistryStore::ping()
{
    auto response = m_primary.send("GET", m_primary.apiUrl(QString()));
    HELIOS_TRY(response);
    if (response->status != 200)
        return m_primary.httpError("GET", response.value());
    return {};
}

} // namespace helios::data
