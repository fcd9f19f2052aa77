// SPDX-License-Identifier: Apache-2.0
#include "slate/name_transform.h"

#include <QStandardPaths>
#include <QTest>

using namespace helios::slate;

Q_DECLARE_METATYPE(helios::slate::NameCase)

class NameTransformTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testNames_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<NameCase>("nameCase");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("expected");
        QTest::newRow("a dotted path becomes kebab case") << QStringLiteral("color.brand.primary") << NameCase::Kebab << QString() << QStringLiteral("color-brand-primary");
        QTest::newRow("a dotted path becomes camel case") << QStringLiteral("color.brand.primary") << NameCase::Camel << QString() << QStringLiteral("colorBrandPrimary");
        QTest::newRow("camel-cased segments split into words") << QStringLiteral("type.fontSize") << NameCase::Kebab << QString() << QStringLiteral("type-font-size");
        QTest::newRow("a prefix comes first in kebab case") << QStringLiteral("space.sm") << NameCase::Kebab << QStringLiteral("hx") << QStringLiteral("hx-space-sm");
        QTest::newRow("a prefix comes first in camel case") << QStringLiteral("space.sm") << NameCase::Camel << QStringLiteral("hx") << QStringLiteral("hxSpaceSm");
        QTest::newRow("a root token takes its group's name") << QStringLiteral("color.accent.$root") << NameCase::Kebab << QString() << QStringLiteral("color-accent");
        QTest::newRow("numeric segments are kept") << QStringLiteral("gray.900") << NameCase::Camel << QString() << QStringLiteral("gray900");
        QTest::newRow("spaces and punctuation separate words") << QStringLiteral("Brand Colors.Sky blue") << NameCase::Kebab << QString() << QStringLiteral("brand-colors-sky-blue");
        QTest::newRow("dotted case keeps the path") << QStringLiteral("a.b") << NameCase::Dotted << QString() << QStringLiteral("a.b");
    }
    void testNames()
    {
        QFETCH(QString, path);
        QFETCH(NameCase, nameCase);
        QFETCH(QString, prefix);
        QFETCH(QString, expected);
        QCOMPARE(NameTransform::apply(path, nameCase, prefix), expected);
    }
};

QTEST_GUILESS_MAIN(NameTransformTest)
#include "name_transform_test.moc"
