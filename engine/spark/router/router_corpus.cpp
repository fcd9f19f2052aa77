// SPDX-License-Identifier: Apache-2.0
#include "spark/router/router_corpus.h"

#include "core/logging.h"

#include <QCryptographicHash>

// Defined in the router_corpus_data.cpp that CMake generates from the .tsv files.
namespace helios::spark::corpus_data {
extern const char trainTsv[];
extern const char heldoutTsv[];
} // namespace helios::spark::corpus_data

namespace helios::spark {

namespace {

QList<LabelledPrompt> parseShipped(const char *text, const QString &source)
{
    Result<QList<LabelledPrompt>> parsed = RouterCorpus::parse(QByteArrayView(text), source);
    if (!parsed) {
        qCWarning(lcSpark) << "router corpus" << parsed.error().context << parsed.error().message;
        return {};
    }
    return std::move(parsed).value();
}

} // namespace

QList<LabelledPrompt> RouterCorpus::training()
{
    return parseShipped(corpus_data::trainTsv, QStringLiteral("resources/spark/train.tsv"));
}

QList<LabelledPrompt> RouterCorpus::heldOut()
{
    return parseShipped(corpus_data::heldoutTsv, QStringLiteral("resources/spark/heldout.tsv"));
}

QByteArray RouterCorpus::digest()
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView(static_cast<const char *>(corpus_data::trainTsv)));
    hash.addData(QByteArrayView("\n--heldout--\n"));
    hash.addData(QByteArrayView(static_cast<const char *>(corpus_data::heldoutTsv)));
    return hash.result().toHex();
}

Result<QList<LabelledPrompt>> RouterCorpus::parse(QByteArrayView tsv, const QString &source)
{
    QList<LabelledPrompt> prompts;
    int lineNumber = 0;
    qsizetype start = 0;
    while (start < tsv.size()) {
        qsizetype end = tsv.indexOf('\n', start);
        if (end < 0)
            end = tsv.size();
        QByteArrayView line = tsv.sliced(start, end - start);
        start = end + 1;
        ++lineNumber;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.startsWith('#'))
            continue;

        const QString where = source % u':' % QString::number(lineNumber);
        const qsizetype tab = line.indexOf('\t');
        if (tab < 0)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("expected `<family id>\\t<prompt>`"), where);
        const QString id = QString::fromUtf8(line.first(tab)).trimmed();
        const std::optional<ExpertFamily> family = familyFromId(id);
        if (!family)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("unknown expert family \"%1\"").arg(id), where);
        const QString prompt = QString::fromUtf8(line.sliced(tab + 1)).trimmed();
        if (prompt.isEmpty())
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("empty prompt"), where);
        prompts.append(LabelledPrompt{*family, prompt, lineNumber});
    }
    return prompts;
}

} // namespace helios::spark
