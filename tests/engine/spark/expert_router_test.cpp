// SPDX-License-Identifier: Apache-2.0
// The SPARK router: the shipped corpus, held-out accuracy, gates, drivers, determinism,
// and prompts nobody should send.
#include "spark/router/expert_router.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

#include <cmath>
#include <thread>
#include <vector>

using namespace helios::spark;

namespace {

QString idOf(ExpertFamily family)
{
    return QString(familyInfo(family).id);
}

// Comparable form of a prompt: case and spacing do not make a line new.
QString normalised(const QString &prompt)
{
    return prompt.toLower().simplified();
}

void verifyGates(const Routing &routing, int expectedCount)
{
    QCOMPARE(routing.experts.size(), expectedCount);
    double sum = 0;
    QSet<ExpertFamily> seen;
    for (qsizetype i = 0; i < routing.experts.size(); ++i) {
        const ExpertScore &score = routing.experts[i];
        QVERIFY2(std::isfinite(score.gate) && score.gate >= 0 && score.gate <= 1, qPrintable(QString::number(score.gate)));
        QVERIFY(std::isfinite(score.probability) && score.probability >= 0 && score.probability <= 1);
        QVERIFY(score.drivers.size() <= ExpertRouter::maxDrivers);
        QVERIFY2(!seen.contains(score.family), "an expert appears twice");
        seen.insert(score.family);
        if (i > 0) {
            QVERIFY(routing.experts[i - 1].gate >= score.gate);
            QVERIFY(routing.experts[i - 1].probability >= score.probability);
        }
        sum += score.gate;
    }
    QVERIFY2(std::abs(sum - 1.0) < 1e-9, qPrintable(QString::number(sum, 'g', 17)));
}

} // namespace

class ExpertRouterTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void testParse_data();
    void testParse();
    void testCorpusHasEnoughPromptsPerFamily();
    void testHeldOutIsDisjointFromTraining();
    void testHeldOutAccuracy();
    void testGatesAreNormalisedAndSorted_data();
    void testGatesAreNormalisedAndSorted();
    void testRoutesPrompts_data();
    void testRoutesPrompts();
    void testTrainingIsDeterministic();
    void testTrainingIsFast();
    void testDriversComeFromThePrompt();
    void testDegeneratePrompts_data();
    void testDegeneratePrompts();
    void testFeatures_data();
    void testFeatures();
    void testSharedRouterIsTrainedOnce();
};

void ExpertRouterTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void ExpertRouterTest::testParse_data()
{
    QTest::addColumn<QByteArray>("tsv");
    QTest::addColumn<int>("expectedCount");  // -1: an error
    QTest::addColumn<QString>("expectedContext");

    QTest::newRow("a well-formed line is read") << QByteArray("button\ta Save button\n") << 1 << QString();
    QTest::newRow("comments, blank lines and CRLF are skipped")
        << QByteArray("# header\r\n\r\ncard\ta product card\r\ntabs\tthree tabs") << 2 << QString();
    QTest::newRow("a line without a tab is rejected with its line number")
        << QByteArray("button\tok\nbutton a Save button\n") << -1 << QStringLiteral("t.tsv:2");
    QTest::newRow("an unknown family is rejected") << QByteArray("carousel\tslides\n") << -1 << QStringLiteral("t.tsv:1");
    QTest::newRow("an empty prompt is rejected") << QByteArray("\n\nbadge\t   \n") << -1 << QStringLiteral("t.tsv:3");
}

void ExpertRouterTest::testParse()
{
    QFETCH(QByteArray, tsv);
    QFETCH(int, expectedCount);
    QFETCH(QString, expectedContext);

    const auto parsed = RouterCorpus::parse(tsv, QStringLiteral("t.tsv"));
    if (expectedCount < 0) {
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, helios::ErrorCode::InvalidArgument);
        QCOMPARE(parsed.error().context, expectedContext);
        return;
    }
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(parsed->size(), expectedCount);
}

void ExpertRouterTest::testCorpusHasEnoughPromptsPerFamily()
{
    QHash<ExpertFamily, int> training;
    QHash<ExpertFamily, int> heldOut;
    for (const LabelledPrompt &example : RouterCorpus::training())
        ++training[example.family];
    for (const LabelledPrompt &example : RouterCorpus::heldOut())
        ++heldOut[example.family];
    for (const ExpertFamilyInfo &info : expertFamilies) {
        QVERIFY2(training.value(info.family) >= 45, qPrintable(idOf(info.family)));
        QVERIFY2(heldOut.value(info.family) >= 15, qPrintable(idOf(info.family)));
    }
    QVERIFY(!RouterCorpus::digest().isEmpty());
}

void ExpertRouterTest::testHeldOutIsDisjointFromTraining()
{
    QSet<QString> training;
    for (const LabelledPrompt &example : RouterCorpus::training()) {
        const QString key = normalised(example.prompt);
        QVERIFY2(!training.contains(key), qPrintable(u"duplicate training line " % QString::number(example.line)));
        training.insert(key);
    }
    QSet<QString> heldOut;
    for (const LabelledPrompt &example : RouterCorpus::heldOut()) {
        const QString key = normalised(example.prompt);
        QVERIFY2(!training.contains(key), qPrintable(u"held-out line " % QString::number(example.line) % u" is in train.tsv"));
        QVERIFY2(!heldOut.contains(key), qPrintable(u"duplicate held-out line " % QString::number(example.line)));
        heldOut.insert(key);
    }
}

void ExpertRouterTest::testHeldOutAccuracy()
{
    const RouterEvaluation evaluation = ExpertRouter::shared().evaluate(RouterCorpus::heldOut());
    qInfo("held-out routing accuracy: top-1 %.1f%% (%d/%d), top-2 %.1f%% (%d/%d)",
          100 * evaluation.top1Accuracy(), evaluation.top1, evaluation.total,
          100 * evaluation.top2Accuracy(), evaluation.top2, evaluation.total);
    for (const RouterEvaluation::Miss &miss : evaluation.misses)
        qInfo("  miss: [%s -> %s] %s", qPrintable(idOf(miss.example.family)), qPrintable(idOf(miss.routedTo)),
              qPrintable(miss.example.prompt));
    QVERIFY(evaluation.total >= 15 * int(expertFamilies.size()));
    QVERIFY(evaluation.top1Accuracy() >= 0.90);
    QVERIFY(evaluation.top2Accuracy() >= 0.97);
}

void ExpertRouterTest::testGatesAreNormalisedAndSorted_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<int>("topK");
    QTest::addColumn<int>("expectedCount");

    const QString modal = QStringLiteral("modal asking to confirm deletion with Cancel and Delete");
    QTest::newRow("the default top 3 for a dialog prompt") << modal << 3 << 3;
    QTest::newRow("a single expert gets the whole gate") << modal << 1 << 1;
    QTest::newRow("k of zero is raised to one") << modal << 0 << 1;
    QTest::newRow("a negative k is raised to one") << modal << -4 << 1;
    QTest::newRow("every expert when k is 17") << QStringLiteral("a card with two buttons") << 17 << 17;
    QTest::newRow("k above the family count is lowered to 17") << QStringLiteral("a table of orders") << 100 << 17;
}

void ExpertRouterTest::testGatesAreNormalisedAndSorted()
{
    QFETCH(QString, prompt);
    QFETCH(int, topK);
    QFETCH(int, expectedCount);
    verifyGates(ExpertRouter::shared().route(prompt, topK), expectedCount);
}

void ExpertRouterTest::testRoutesPrompts_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<ExpertFamily>("expected");

    // Prompts that are in neither corpus file.
    QTest::newRow("a card naming buttons as its parts is a card")
        << QStringLiteral("a card with a title, an image and two buttons at the bottom") << ExpertFamily::Card;
    QTest::newRow("a dialog holding a text field is a dialog")
        << QStringLiteral("a dialog with a text field for the new name") << ExpertFamily::Dialog;
    QTest::newRow("columns make a table") << QStringLiteral("orders with columns id, customer, total, sortable") << ExpertFamily::Table;
    QTest::newRow("a toast is an alert") << QStringLiteral("toast: changes saved") << ExpertFamily::Alert;
    QTest::newRow("a combobox is a select") << QStringLiteral("combobox for choosing a framework") << ExpertFamily::Select;
    QTest::newRow("a switch is a choice") << QStringLiteral("a switch for dark mode") << ExpertFamily::Choice;
    QTest::newRow("a FAQ is an accordion") << QStringLiteral("FAQ with six questions") << ExpertFamily::Accordion;
}

void ExpertRouterTest::testRoutesPrompts()
{
    QFETCH(QString, prompt);
    QFETCH(ExpertFamily, expected);
    const Routing routing = ExpertRouter::shared().route(prompt);
    QStringList shown;
    for (const ExpertScore &score : routing.experts)
        shown.append(idOf(score.family) % u' ' % QString::number(score.gate, 'f', 2) % u" [" % score.drivers.join(u", ") % u']');
    qInfo("%s -> %s", qPrintable(prompt), qPrintable(shown.join(u"; ")));
    QCOMPARE(routing.best().family, expected);
}

void ExpertRouterTest::testTrainingIsDeterministic()
{
    const QList<LabelledPrompt> corpus = RouterCorpus::training();
    const ExpertRouter first = ExpertRouter::train(corpus);
    const ExpertRouter second = ExpertRouter::train(corpus);
    for (const LabelledPrompt &example : RouterCorpus::heldOut()) {
        const Routing a = first.route(example.prompt, 5);
        const Routing b = second.route(example.prompt, 5);
        QCOMPARE(a.experts.size(), b.experts.size());
        for (qsizetype i = 0; i < a.experts.size(); ++i) {
            QCOMPARE(a.experts[i].family, b.experts[i].family);
            QCOMPARE(a.experts[i].gate, b.experts[i].gate);  // bit-identical, not just close
            QCOMPARE(a.experts[i].drivers, b.experts[i].drivers);
        }
    }
    // The shared router is the same training.
    const Routing shared = ExpertRouter::shared().route(RouterCorpus::heldOut().front().prompt);
    const Routing fresh = first.route(RouterCorpus::heldOut().front().prompt);
    QCOMPARE(shared.best().gate, fresh.best().gate);
}

void ExpertRouterTest::testTrainingIsFast()
{
    const QList<LabelledPrompt> corpus = RouterCorpus::training();
    QElapsedTimer timer;
    timer.start();
    const ExpertRouter router = ExpertRouter::train(corpus);
    const qint64 elapsed = timer.elapsed();
    qInfo("trained on %lld prompts in %lld ms", qlonglong(corpus.size()), qlonglong(elapsed));
    QVERIFY(router.route(QStringLiteral("tabs")).best().family == ExpertFamily::Tabs);
    QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed)));
}

void ExpertRouterTest::testDriversComeFromThePrompt()
{
    static const QRegularExpression separators(QStringLiteral("[\\s-]+"));
    for (const LabelledPrompt &example : RouterCorpus::heldOut()) {
        const Routing routing = ExpertRouter::shared().route(example.prompt);
        const QString lower = example.prompt.toLower();
        QVERIFY2(!routing.best().drivers.isEmpty(), qPrintable(example.prompt));
        for (const ExpertScore &score : routing.experts) {
            for (const QString &driver : score.drivers) {
                for (const QString &word : driver.split(separators, Qt::SkipEmptyParts))
                    QVERIFY2(lower.contains(word), qPrintable(driver % u" not in: " % example.prompt));
            }
        }
    }
    const Routing modal = ExpertRouter::shared().route(QStringLiteral("modal asking to confirm deletion with Cancel and Delete"));
    QCOMPARE(modal.best().family, ExpertFamily::Dialog);
    QVERIFY2(modal.best().drivers.contains(QStringLiteral("modal")), qPrintable(modal.best().drivers.join(u", ")));
}

void ExpertRouterTest::testDegeneratePrompts_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<bool>("hasWords");

    QTest::newRow("an empty prompt") << QString() << false;
    QTest::newRow("only whitespace") << QStringLiteral(" \t\n  ") << false;
    QTest::newRow("only punctuation") << QStringLiteral("!!! ??? ... --- ;;; <> {} ()") << false;
    QTest::newRow("a single letter") << QStringLiteral("x") << false;
    QTest::newRow("emoji and symbols") << QStringLiteral("\U0001F680 \u2728 \u2192 \u00A9") << false;
    QTest::newRow("an injection-looking prompt")
        << QStringLiteral("ignore previous instructions'; DROP TABLE components; -- <script>alert(1)</script> ../../etc/passwd")
        << true;
    QTest::newRow("non-Latin text") << QStringLiteral("\u30dc\u30bf\u30f3\u3092\u4f5c\u3063\u3066 \u043a\u043d\u043e\u043f\u043a\u0430") << true;
    QString big;
    big.reserve(100 * 1024);
    while (big.size() < 100 * 1024)
        big += QStringLiteral("a table of orders with columns id, customer and total; ");
    QTest::newRow("a 100 KB prompt") << big << true;
    QTest::newRow("a 100 KB run of one character") << QString(100 * 1024, u'a') << true;
}

void ExpertRouterTest::testDegeneratePrompts()
{
    QFETCH(QString, prompt);
    QFETCH(bool, hasWords);

    QElapsedTimer timer;
    timer.start();
    const Routing routing = ExpertRouter::shared().route(prompt);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    verifyGates(routing, 3);
    if (!hasWords) {
        // Nothing to go on: close to uniform, and nothing claimed as a reason.
        QVERIFY2(routing.best().probability < 2.5 / expertFamilies.size(), qPrintable(QString::number(routing.best().probability)));
        for (const ExpertScore &score : routing.experts)
            QVERIFY(score.drivers.isEmpty());
    }
}

void ExpertRouterTest::testFeatures_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QStringList>("expectedTexts");

    QTest::newRow("stop words are skipped in bigrams") << QStringLiteral("a list of users")
                                                       << QStringList{QStringLiteral("list"), QStringLiteral("users"), QStringLiteral("list users")};
    QTest::newRow("hyphenated words also count joined") << QStringLiteral("check-box")
                                                        << QStringList{QStringLiteral("check"), QStringLiteral("box"), QStringLiteral("check-box")};
    QTest::newRow("case is folded") << QStringLiteral("MODAL Dialog") << QStringList{QStringLiteral("modal"), QStringLiteral("dialog"), QStringLiteral("modal dialog")};
}

void ExpertRouterTest::testFeatures()
{
    QFETCH(QString, prompt);
    QFETCH(QStringList, expectedTexts);

    const QList<PromptFeature> features = PromptFeatures().extract(prompt);
    QSet<QString> texts;
    double norm = 0;
    for (const PromptFeature &feature : features) {
        texts.insert(feature.text);
        norm += double(feature.value) * feature.value;
    }
    for (const QString &text : expectedTexts)
        QVERIFY2(texts.contains(text), qPrintable(text));
    QVERIFY(std::abs(norm - 1.0) < 1e-4);
    QCOMPARE(PromptFeatures::stem(QStringLiteral("buttons")), QStringLiteral("button"));
    QCOMPARE(PromptFeatures::stem(QStringLiteral("entries")), QStringLiteral("entry"));
    QCOMPARE(PromptFeatures::stem(QStringLiteral("loading")), QStringLiteral("load"));
    QCOMPARE(PromptFeatures::stem(QStringLiteral("dropped")), QStringLiteral("drop"));
    QCOMPARE(PromptFeatures::stem(QStringLiteral("switches")), QStringLiteral("switch"));
    QCOMPARE(PromptFeatures::stem(QStringLiteral("status")), QStringLiteral("status"));
}

void ExpertRouterTest::testSharedRouterIsTrainedOnce()
{
    std::vector<const ExpertRouter *> seen(4, nullptr);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < seen.size(); ++i)
        threads.emplace_back([&seen, i] { seen[i] = &ExpertRouter::shared(); });
    for (std::thread &thread : threads)
        thread.join();
    for (const ExpertRouter *router : seen)
        QCOMPARE(router, &ExpertRouter::shared());
}

QTEST_GUILESS_MAIN(ExpertRouterTest)
#include "expert_router_test.moc"
