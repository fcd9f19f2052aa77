// SPDX-License-Identifier: Apache-2.0
#include "batch_heap.h"
#include "cli.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    helios::cli::prepareHeapForBatchWork();
    // Nothing the CLI runs needs GLib's main loop; Qt's own UNIX dispatcher costs less
    // per event, which `helios serve` feels on every request. A caller may still choose.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    return helios::cli::run(app.arguments());
}
