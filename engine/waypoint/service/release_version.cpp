// SPDX-License-Identifier: Apache-2.0
#include "waypoint/release_version.h"

#include <QRegularExpression>

#include <array>
#include <optional>
#include <tuple>

namespace helios::waypoint {

namespace {

struct Semver {
    qint64 major = 0;
    qint64 minor = 0;
    qint64 patch = 0;

    auto key() const { return std::tie(major, minor, patch); }
    QString toString() const { return QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(patch); }
};

// MAJOR.MINOR.PATCH with optional -pre-release and +build parts (semver.org 2.0.0), which
// a release drops: a released version names a finished thing.
std::optional<Semver> parseSemver(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^v?(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$)"));
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    return Semver{match.captured(1).toLongLong(), match.captured(2).toLongLong(), match.captured(3).toLongLong()};
}

constexpr std::array<std::pair<VersionScheme, const char *>, 4> SchemeNames{{
    {VersionScheme::SemverPatch, "semver-patch"},
    {VersionScheme::SemverMinor, "semver-minor"},
    {VersionScheme::SemverMajor, "semver-major"},
    {VersionScheme::BuildNumber, "build-number"},
}};

} // namespace

Result<VersionScheme> versionSchemeFromName(const QString &name)
{
    QStringList known;
    for (const auto &[scheme, text] : SchemeNames) {
        if (name == QLatin1StringView(text))
            return scheme;
        known << QString::fromLatin1(text);
    }
    return makeError(ErrorCode::InvalidArgument, QStringLiteral("unknown version scheme \"%1\" (known: %2)")
                                                     .arg(name, known.join(QStringLiteral(", "))));
}

QString versionSchemeName(VersionScheme scheme)
{
    for (const auto &[value, text] : SchemeNames)
        if (value == scheme)
            return QString::fromLatin1(text);
    return QStringLiteral("semver-patch");
}

Result<QString> nextVersion(VersionScheme scheme, const QString &previous, const QString &baseline, int number)
{
    if (scheme == VersionScheme::BuildNumber)
        return QString::number(number);

    std::optional<Semver> base = Semver{0, 1, 0};
    if (!baseline.isEmpty() && !(base = parseSemver(baseline)))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("package.json's version \"%1\" is not a semantic version (MAJOR.MINOR.PATCH)")
                             .arg(baseline));
    if (previous.isEmpty())
        return base->toString();

    const auto last = parseSemver(previous);
    if (!last)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the previous release's version \"%1\" is not a semantic version; a project "
                                        "released by build number cannot switch to %2")
                             .arg(previous, versionSchemeName(scheme)));
    // Someone raised package.json's version past the releases: that is the next one.
    if (base->key() > last->key())
        return base->toString();
    Semver next = *last;
    switch (scheme) {
    case VersionScheme::SemverMajor:
        next = {last->major + 1, 0, 0};
        break;
    case VersionScheme::SemverMinor:
        next = {last->major, last->minor + 1, 0};
        break;
    case VersionScheme::SemverPatch:
    case VersionScheme::BuildNumber:
        next.patch += 1;
        break;
    }
    return next.toString();
}

} // namespace helios::waypoint
