// SPDX-License-Identifier: Apache-2.0
#include "batch_heap.h"
#include "cli.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    helios::cli::prepareHeapForBatchWork();
    QCoreApplication app(argc, argv);
    return helios::cli::run(app.arguments());
}
