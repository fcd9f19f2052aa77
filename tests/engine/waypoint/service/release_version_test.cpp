// SPDX-License-Identifier: Apache-2.0
// Release versions: the scheme names and how each scheme advances from the previous
// release and package.json's version.
#include "waypoint/release_version.h"

#include <QTest>

using namespace helios;
using namespace helios::waypoint;

class ReleaseVersionTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void schemeNamesRoundTrip();
    void anUnknownSchemeIsRefusedWithTheKnownOnes();
    void nextVersion_data();
    void nextVersion();
    void aVersionThatIsNotSemverIsRefused_data();
    void aVersionThatIsNotSemverIsRefused();
};

void ReleaseVersionTest::schemeNamesRoundTrip()
{
    for (const VersionScheme scheme : {VersionScheme::SemverPatch, VersionScheme::SemverMinor, VersionScheme::SemverMajor,
                                       VersionScheme::BuildNumber}) {
        const auto back = versionSchemeFromName(versionSchemeName(scheme));
        QVERIFY(back.ok());
        QCOMPARE(*back, scheme);
    }
    QCOMPARE(versionSchemeName(VersionScheme::BuildNumber), QStringLiteral("build-number"));
}

void ReleaseVersionTest::anUnknownSchemeIsRefusedWithTheKnownOnes()
{
    const auto scheme = versionSchemeFromName(QStringLiteral("calver"));
    QVERIFY(!scheme.ok());
    QCOMPARE(scheme.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(scheme.error().message.contains(QStringLiteral("\"calver\"")), qPrintable(scheme.error().message));
    QVERIFY(scheme.error().message.contains(QStringLiteral("semver-minor")));
}

void ReleaseVersionTest::nextVersion_data()
{
    QTest::addColumn<VersionScheme>("scheme");
    QTest::addColumn<QString>("previous");
    QTest::addColumn<QString>("baseline");
    QTest::addColumn<int>("number");
    QTest::addColumn<QString>("expected");

    QTest::newRow("the first release starts at package.json's version")
        << VersionScheme::SemverPatch << QString() << QStringLiteral("0.1.0") << 1 << QStringLiteral("0.1.0");
    QTest::newRow("the first release without a package.json version is 0.1.0")
        << VersionScheme::SemverPatch << QString() << QString() << 1 << QStringLiteral("0.1.0");
    QTest::newRow("a patch release bumps the patch")
        << VersionScheme::SemverPatch << QStringLiteral("0.1.0") << QStringLiteral("0.1.0") << 2 << QStringLiteral("0.1.1");
    QTest::newRow("a minor release bumps the minor and resets the patch")
        << VersionScheme::SemverMinor << QStringLiteral("1.4.2") << QStringLiteral("1.0.0") << 7 << QStringLiteral("1.5.0");
    QTest::newRow("a major release bumps the major and resets the rest")
        << VersionScheme::SemverMajor << QStringLiteral("1.4.2") << QString() << 7 << QStringLiteral("2.0.0");
    QTest::newRow("a pre-release suffix of the previous release is dropped")
        << VersionScheme::SemverPatch << QStringLiteral("1.0.0-rc.1+abc") << QString() << 3 << QStringLiteral("1.0.1");
    QTest::newRow("a package.json version raised past the releases wins")
        << VersionScheme::SemverPatch << QStringLiteral("1.0.3") << QStringLiteral("2.0.0") << 5 << QStringLiteral("2.0.0");
    QTest::newRow("a package.json version equal to the last release is bumped past")
        << VersionScheme::SemverPatch << QStringLiteral("2.0.0") << QStringLiteral("2.0.0") << 6 << QStringLiteral("2.0.1");
    QTest::newRow("a package.json version below the releases is ignored")
        << VersionScheme::SemverMinor << QStringLiteral("3.1.0") << QStringLiteral("1.0.0") << 9 << QStringLiteral("3.2.0");
    QTest::newRow("the build-number scheme is the release number")
        << VersionScheme::BuildNumber << QStringLiteral("16") << QStringLiteral("1.0.0") << 17 << QStringLiteral("17");
    QTest::newRow("the build-number scheme ignores a non-semver baseline")
        << VersionScheme::BuildNumber << QString() << QStringLiteral("next") << 1 << QStringLiteral("1");
}

void ReleaseVersionTest::nextVersion()
{
    QFETCH(VersionScheme, scheme);
    QFETCH(QString, previous);
    QFETCH(QString, baseline);
    QFETCH(int, number);
    QFETCH(QString, expected);
    const auto version = waypoint::nextVersion(scheme, previous, baseline, number);
    QVERIFY2(version.ok(), qPrintable(version.ok() ? QString() : version.error().message));
    QCOMPARE(*version, expected);
}

void ReleaseVersionTest::aVersionThatIsNotSemverIsRefused_data()
{
    QTest::addColumn<QString>("previous");
    QTest::addColumn<QString>("baseline");
    QTest::addColumn<QString>("named");
    QTest::newRow("a build-number previous release under a semver scheme")
        << QStringLiteral("17") << QStringLiteral("1.0.0") << QStringLiteral("\"17\"");
    QTest::newRow("a package.json version with two parts") << QString() << QStringLiteral("1.0") << QStringLiteral("\"1.0\"");
    QTest::newRow("a package.json version with a leading zero")
        << QStringLiteral("1.0.0") << QStringLiteral("01.2.3") << QStringLiteral("\"01.2.3\"");
}

void ReleaseVersionTest::aVersionThatIsNotSemverIsRefused()
{
    QFETCH(QString, previous);
    QFETCH(QString, baseline);
    QFETCH(QString, named);
    const auto version = waypoint::nextVersion(VersionScheme::SemverPatch, previous, baseline, 2);
    QVERIFY(!version.ok());
    QCOMPARE(version.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(version.error().message.contains(named), qPrintable(version.error().message));
}

QTEST_GUILESS_MAIN(ReleaseVersionTest)
#include "release_version_test.moc"
