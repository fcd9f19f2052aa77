// SPDX-License-Identifier: Apache-2.0
#include "cli.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return helios::cli::run(app.arguments());
}
