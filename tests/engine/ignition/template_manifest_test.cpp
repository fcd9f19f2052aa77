// SPDX-License-Identifier: Apache-2.0
// TemplateManifest: the manifest's own checks and the validation of given parameters.
#include "ignition/template_manifest.h"

#include <QTest>

using helios::ignition::TemplateManifest;

namespace {

template <typename T>
QString errorText(const helios::Result<T> &r)
{
    return r.ok() ? QString() : r.error().toString();
}

const QByteArray manifestJson = R"({
  "name": "demo",
  "parameters": [
    {"name": "name", "required": true, "pattern": "[a-z][a-z-]*"},
    {"name": "scope", "default": "", "pattern": "(@[a-z]+)?"},
    {"name": "license", "type": "enum", "choices": ["MIT", "ISC"], "default": "MIT"},
    {"name": "private", "type": "bool"}
  ],
  "derived": [
    {"name": "packageName", "when": "scope", "value": "{{scope}}/{{name}}", "otherwise": "{{name}}"}
  ],
  "steps": [{"type": "render"}, {"type": "git-init-commit"}]
})";

TemplateManifest manifest()
{
    auto m = TemplateManifest::parse(manifestJson, QStringLiteral("demo/template.json"));
    if (!m.ok())
        qFatal("%s", qPrintable(m.error().toString()));
    return m.value();
}

using Params = QMap<QString, QString>;

} // namespace

class TemplateManifestTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void testParameterProblems_data()
    {
        QTest::addColumn<Params>("given");
        QTest::addColumn<QStringList>("expected");  // a fragment of each problem, in order
        const QString name = QStringLiteral("name");
        QTest::newRow("valid parameters have no problem") << Params{{name, QStringLiteral("acme-ui")}} << QStringList{};
        QTest::newRow("a missing required parameter is named")
            << Params{} << QStringList{QStringLiteral("missing required parameter \"name\"")};
        QTest::newRow("an unknown parameter is named with the declared ones")
            << Params{{name, QStringLiteral("a")}, {QStringLiteral("colour"), QStringLiteral("red")}}
            << QStringList{QStringLiteral("unknown parameter \"colour\" (template demo takes: name, scope, license, private)")};
        QTest::newRow("an enum value outside the choices lists them")
            << Params{{name, QStringLiteral("a")}, {QStringLiteral("license"), QStringLiteral("GPL")}}
            << QStringList{QStringLiteral("\"GPL\" is not one of MIT, ISC")};
        QTest::newRow("a pattern mismatch shows the pattern")
            << Params{{name, QStringLiteral("Acme UI")}}
            << QStringList{QStringLiteral("\"Acme UI\" does not match the pattern [a-z][a-z-]*")};
        QTest::newRow("the pattern must match the whole value")
            << Params{{name, QStringLiteral("acme!")}} << QStringList{QStringLiteral("does not match")};
        QTest::newRow("a bool must look like one")
            << Params{{name, QStringLiteral("a")}, {QStringLiteral("private"), QStringLiteral("maybe")}}
            << QStringList{QStringLiteral("\"maybe\" is not a bool")};
        QTest::newRow("every problem is reported, not just the first")
            << Params{{QStringLiteral("license"), QStringLiteral("GPL")},
                      {QStringLiteral("scope"), QStringLiteral("acme")},
                      {QStringLiteral("x"), QStringLiteral("1")}}
            << QStringList{QStringLiteral("\"GPL\" is not one of"), QStringLiteral("\"acme\" does not match"),
                           QStringLiteral("unknown parameter \"x\""), QStringLiteral("missing required parameter \"name\"")};
    }
    void testParameterProblems()
    {
        QFETCH(Params, given);
        QFETCH(QStringList, expected);
        const QStringList problems = manifest().parameterProblems(given);
        QCOMPARE(problems.size(), expected.size());
        for (int i = 0; i < problems.size(); ++i)
            QVERIFY2(problems.at(i).contains(expected.at(i)), qPrintable(problems.at(i)));
        const auto resolved = manifest().resolveParameters(given);
        QCOMPARE(resolved.ok(), expected.isEmpty());
        if (!resolved.ok())
            for (const QString &fragment : expected)
                QVERIFY2(resolved.error().message.contains(fragment), qPrintable(resolved.error().message));
    }

    void testDefaultsAndDerivedValues_data()
    {
        QTest::addColumn<Params>("given");
        QTest::addColumn<QString>("packageName");
        QTest::addColumn<QString>("isPrivate");
        QTest::newRow("without a scope the package name is the name")
            << Params{{QStringLiteral("name"), QStringLiteral("ui")}} << QStringLiteral("ui") << QStringLiteral("false");
        QTest::newRow("with a scope it is scope/name, and yes reads as true")
            << Params{{QStringLiteral("name"), QStringLiteral("ui")}, {QStringLiteral("scope"), QStringLiteral("@acme")},
                      {QStringLiteral("private"), QStringLiteral("yes")}}
            << QStringLiteral("@acme/ui") << QStringLiteral("true");
    }
    void testDefaultsAndDerivedValues()
    {
        QFETCH(Params, given);
        QFETCH(QString, packageName);
        QFETCH(QString, isPrivate);
        const TemplateManifest m = manifest();
        const auto resolved = m.resolveParameters(given);
        QVERIFY2(resolved.ok(), qPrintable(errorText(resolved)));
        QCOMPARE(resolved->value(QStringLiteral("license")), QStringLiteral("MIT"));
        QCOMPARE(resolved->value(QStringLiteral("private")), isPrivate);
        const auto values = m.values(resolved.value());
        QVERIFY(values.ok());
        QCOMPARE(values->value(QStringLiteral("packageName")), packageName);
        QVERIFY(values->contains(QStringLiteral("year")));
    }

    void testManifestProblems_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("fragments");
        QTest::newRow("not JSON") << QByteArray("{") << QStringList{QStringLiteral("not JSON")};
        QTest::newRow("no name and no steps")
            << QByteArray(R"({"parameters": []})")
            << QStringList{QStringLiteral("\"name\" is required"), QStringLiteral("\"steps\" must be a non-empty array")};
        QTest::newRow("a bad type, a bad regex, an enum without choices, a default outside them")
            << QByteArray(R"({"name": "t", "steps": [{"type": "render"}], "parameters": [
                 {"name": "a", "type": "number"},
                 {"name": "b", "pattern": "*"},
                 {"name": "c", "type": "enum"},
                 {"name": "d", "type": "enum", "choices": ["x"], "default": "y"}]})")
            << QStringList{QStringLiteral("type \"number\" is not string, enum or bool"), QStringLiteral("does not compile"),
                           QStringLiteral("an enum needs \"choices\""), QStringLiteral("the default is invalid")};
        QTest::newRow("a duplicate parameter and a required one with a default")
            << QByteArray(R"({"name": "t", "steps": [{"type": "render"}], "parameters": [
                 {"name": "a"}, {"name": "a", "required": true, "default": "x"}]})")
            << QStringList{QStringLiteral("\"a\" is declared twice"), QStringLiteral("a required parameter has no default")};
        QTest::newRow("steps out of order, an unknown step and a command without argv")
            << QByteArray(R"({"name": "t", "steps": [{"type": "git-init-commit"}, {"type": "render"},
                 {"type": "deploy"}, {"type": "command"}]})")
            << QStringList{QStringLiteral("render must be the first step"), QStringLiteral("type \"deploy\" is not"),
                           QStringLiteral("a command needs \"argv\""), QStringLiteral("the first step must be render")};
        QTest::newRow("a derived value using an unknown name, and an unknown key")
            << QByteArray(R"({"name": "t", "steps": [{"type": "render"}], "tags": [],
                 "derived": [{"name": "x", "value": "{{nope}}"}]})")
            << QStringList{QStringLiteral("unknown key \"tags\""), QStringLiteral("{{nope}} is not a parameter")};
    }
    void testManifestProblems()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, fragments);
        const auto m = TemplateManifest::parse(json, QStringLiteral("t/template.json"));
        QVERIFY(!m.ok());
        QCOMPARE(m.error().code, helios::ErrorCode::InvalidArgument);
        QCOMPARE(m.error().context, QStringLiteral("t/template.json"));
        for (const QString &fragment : fragments)
            QVERIFY2(m.error().message.contains(fragment), qPrintable(m.error().message));
    }
};

QTEST_GUILESS_MAIN(TemplateManifestTest)
#include "template_manifest_test.moc"
