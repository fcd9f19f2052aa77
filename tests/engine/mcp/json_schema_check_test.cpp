// SPDX-License-Identifier: Apache-2.0
// The JSON Schema subset the MCP tools' inputSchemas use: what passes, and that each
// refusal names the argument.
#include "mcp/json_schema_check.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace helios::mcp;

namespace {

QJsonObject schema()
{
    return QJsonDocument::fromJson(R"({
      "type": "object", "additionalProperties": false, "required": ["name", "files"],
      "properties": {
        "name": {"type": "string", "pattern": "^[A-Z][A-Za-z0-9]{0,63}$"},
        "files": {"type": "array", "minItems": 1, "maxItems": 2, "items": {
          "type": "object", "additionalProperties": false, "required": ["path", "content"],
          "properties": {"path": {"type": "string", "minLength": 1, "maxLength": 5}, "content": {"type": "string"}}}},
        "mode": {"enum": ["a", "b"]},
        "count": {"type": "integer", "minimum": 1, "maximum": 3},
        "flag": {"type": "boolean"}
      }})").object();
}

} // namespace

class JsonSchemaCheckTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void checksEachKeyword_data();
    void checksEachKeyword();
};

void JsonSchemaCheckTest::checksEachKeyword_data()
{
    QTest::addColumn<QByteArray>("arguments");
    QTest::addColumn<QString>("problem"); // empty: conforms; else a substring of the problem

    QTest::newRow("a conforming object passes") << QByteArray(R"({"name":"Card","files":[{"path":"a.ts","content":""}],"count":2,"mode":"a","flag":true})") << QString();
    QTest::newRow("a missing required argument is named") << QByteArray(R"({"files":[{"path":"a.ts","content":""}]})") << QStringLiteral("name: missing");
    QTest::newRow("a mistyped argument says what was expected") << QByteArray(R"({"name":7,"files":[{"path":"a","content":""}]})") << QStringLiteral("name: expected string, got number");
    QTest::newRow("a pattern mismatch is refused") << QByteArray(R"({"name":"card","files":[{"path":"a","content":""}]})") << QStringLiteral("name: \"card\" does not match");
    QTest::newRow("an unknown argument is refused") << QByteArray(R"({"name":"A","files":[{"path":"a","content":""}],"extra":1})") << QStringLiteral("extra: not an argument");
    QTest::newRow("an empty array is below minItems") << QByteArray(R"({"name":"A","files":[]})") << QStringLiteral("files: needs at least 1");
    QTest::newRow("too many items are refused") << QByteArray(R"({"name":"A","files":[{"path":"a","content":""},{"path":"b","content":""},{"path":"c","content":""}]})") << QStringLiteral("files: has 3 items");
    QTest::newRow("a nested problem names its index") << QByteArray(R"({"name":"A","files":[{"path":"a","content":""},{"path":"b"}]})") << QStringLiteral("files[1].content: missing");
    QTest::newRow("maxLength counts characters") << QByteArray(R"({"name":"A","files":[{"path":"abcdef","content":""}]})") << QStringLiteral("files[0].path: must have at most 5");
    QTest::newRow("minLength refuses an empty string") << QByteArray(R"({"name":"A","files":[{"path":"","content":""}]})") << QStringLiteral("files[0].path: must have at least 1");
    QTest::newRow("a value outside enum is refused") << QByteArray(R"({"name":"A","files":[{"path":"a","content":""}],"mode":"c"})") << QStringLiteral("mode: must be one of a, b");
    QTest::newRow("a fraction is not an integer") << QByteArray(R"({"name":"A","files":[{"path":"a","content":""}],"count":1.5})") << QStringLiteral("count: expected integer");
    QTest::newRow("a number above maximum is refused") << QByteArray(R"({"name":"A","files":[{"path":"a","content":""}],"count":4})") << QStringLiteral("count: must be at most 3");
    QTest::newRow("a string is not a boolean") << QByteArray(R"({"name":"A","files":[{"path":"a","content":""}],"flag":"true"})") << QStringLiteral("flag: expected boolean, got string");
}

void JsonSchemaCheckTest::checksEachKeyword()
{
    QFETCH(QByteArray, arguments);
    QFETCH(QString, problem);
    const QJsonDocument document = QJsonDocument::fromJson(arguments);
    QVERIFY(document.isObject());
    const QString found = checkAgainstSchema(document.object(), schema());
    if (problem.isEmpty())
        QVERIFY2(found.isEmpty(), qPrintable(found));
    else
        QVERIFY2(found.contains(problem), qPrintable(found));
}

QTEST_GUILESS_MAIN(JsonSchemaCheckTest)
#include "json_schema_check_test.moc"
