// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spark/spark_pipeline.h"

#include <QJsonObject>
#include <QString>

#include <optional>

class QTextStream;

namespace helios::cli {

// What `helios generate` did, for printing.
struct GenerateReport {
    spark::Generation generation;
    bool forced = false;                         // --expert chose the expert
    bool dryRun = false;
    QString projectDir;                          // empty: no project, nothing written
    std::optional<spark::AcceptOutcome> accepted; // set when the files were written
    QString acceptProblem;                       // why writing failed, if it did
};

// The report as one JSON object: prompt, project, tokens, routing [{expert, gate,
// probability, drivers}], expert, component {name, family, composedParts, notes}, files
// [{path, size, written, content}], validation {passed, issues}, version, llmNotes,
// written, build {ran, built, summary}.
QJsonObject generateReportToJson(const GenerateReport &report);

// The report for a person: the routing as bars, the files, the findings as
// file:line:column, the version and the build.
void printGenerateReport(QTextStream &out, const GenerateReport &report);

} // namespace helios::cli
