// SPDX-License-Identifier: Apache-2.0
#include "appearance.h"

#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QTest>

using namespace helios::workbench;

Q_DECLARE_METATYPE(helios::workbench::Theme)

namespace {
int windowLightness(const QPalette &palette) { return palette.color(QPalette::Window).lightness(); }
} // namespace

class AppearanceTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("helios-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("appearance_test"));
        QSettings().clear();
    }

    void testDarkReachesWidgetsBuiltBeforeAndBackToLight()
    {
        QMainWindow window;
        auto *dock = new QDockWidget(QStringLiteral("dock"), &window);
        auto *inside = new QWidget(dock);
        dock->setWidget(inside);
        window.addDockWidget(Qt::LeftDockWidgetArea, dock);

        applyTheme(Theme::Dark);
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
        QVERIFY2(windowLightness(QApplication::palette()) < 80,
                 qPrintable(QApplication::palette().color(QPalette::Window).name()));
        QVERIFY(QApplication::palette().color(QPalette::Text).lightness() > 180);
        QTRY_COMPARE(inside->palette().color(QPalette::Window), QApplication::palette().color(QPalette::Window));
        QTRY_COMPARE(dock->palette().color(QPalette::Base), QApplication::palette().color(QPalette::Base));

        applyTheme(Theme::Light);
        QVERIFY(windowLightness(QApplication::palette()) > 180);
        QVERIFY(QApplication::palette().color(QPalette::Text).lightness() < 80);
        QTRY_COMPARE(inside->palette().color(QPalette::Window), QApplication::palette().color(QPalette::Window));
    }

    void testSystemTakesThePlatformPaletteAgain()
    {
        applyTheme(Theme::Dark);
        QVERIFY(windowLightness(QApplication::palette()) < 80);
        applyTheme(Theme::System);
        // The offscreen platform's palette is a light one.
        QVERIFY(windowLightness(QApplication::palette()) > 150);
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    }

    void testSavedThemeRoundTrips_data()
    {
        QTest::addColumn<Theme>("theme");
        QTest::newRow("dark is remembered") << Theme::Dark;
        QTest::newRow("light is remembered") << Theme::Light;
        QTest::newRow("system is remembered") << Theme::System;
    }

    void testSavedThemeRoundTrips()
    {
        QFETCH(Theme, theme);
        saveTheme(theme == Theme::Dark ? Theme::Light : Theme::Dark);
        saveTheme(theme);
        QCOMPARE(savedTheme(), theme);
    }

    void testNothingSavedMeansSystem()
    {
        QSettings().remove(QStringLiteral("appearance/theme"));
        QCOMPARE(savedTheme(), Theme::System);
        QSettings().setValue(QStringLiteral("appearance/theme"), QStringLiteral("purple"));
        QCOMPARE(savedTheme(), Theme::System);
    }

    void testThemeNamesAreDistinct()
    {
        const QStringList names{themeName(Theme::System), themeName(Theme::Light), themeName(Theme::Dark)};
        QCOMPARE(names, (QStringList{QStringLiteral("System"), QStringLiteral("Light"), QStringLiteral("Dark")}));
    }
};

QTEST_MAIN(AppearanceTest)
#include "appearance_test.moc"
