// SPDX-License-Identifier: Apache-2.0
// commands.hpp — the subcommands of tvmcrt-host. Each add_*_command() registers one subcommand on
// the app with its options and a callback that does the work; failures throw host::Error.
#pragma once

#include <CLI/CLI.hpp>

namespace tvmcrt::cli {

void add_info_command(CLI::App &app);
void add_execute_command(CLI::App &app);
void add_profile_command(CLI::App &app);
void add_set_workspaces_command(CLI::App &app);
void add_last_error_command(CLI::App &app);
void add_emulator_command(CLI::App &app);
void add_list_ports_command(CLI::App &app);
void add_completion_command(CLI::App &app);

}  // namespace tvmcrt::cli
