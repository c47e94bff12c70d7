#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""The man page and bash completion the build makes from tvmcrt-host itself cover every command and
option its --help lists, and the completion completes them in bash.

    cli_docs_test.py TVMCRT_HOST MAN_PAGE COMPLETION
"""
import re
import subprocess
import sys

host, man, completion = sys.argv[1:4]


def fail(msg):
    sys.exit("cli_docs_test: FAIL: " + msg)


def helptext(*args):
    return subprocess.run([host, *args, "--help"], capture_output=True, text=True, check=True).stdout


commands = re.findall(r"^  ([a-z][a-z-]+)\s", helptext().split("Subcommands:")[1], re.M)
if len(commands) < 7:
    fail(f"found only {commands} in tvmcrt-host --help")
page = open(man).read()
for c in commands:
    if f".SS {c}\n" not in page:
        fail(f"the man page has no section for '{c}'")
    for opt in set(re.findall(r"^\s+(?:-\w,)?(--[a-z][a-z-]+)", helptext(c), re.M)):
        if opt.replace("-", "\\-") not in page and opt not in page:
            fail(f"the man page does not mention {c} {opt}")
        words = subprocess.run(["bash", "-c", f"source {completion}; COMP_WORDS=(tvmcrt-host {c} {opt[:4]}); "
                                "COMP_CWORD=2; _tvmcrt_host; echo ${COMPREPLY[@]}"],
                               capture_output=True, text=True).stdout.split()
        if opt not in words:
            fail(f"completing 'tvmcrt-host {c} {opt[:4]}' does not offer {opt} (got {words})")
print(f"cli_docs_test: PASSED ({len(commands)} commands, their options in the man page and the completion)")
