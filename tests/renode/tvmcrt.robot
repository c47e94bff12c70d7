*** Comments ***
The firmware.* device tests (tests/firmware/CMakeLists.txt) on Renode instead of QEMU: the same image,
the same port number and the same tvmcrt-host commands (tests/firmware/device_session.py), so a
result on one emulator means the same on the other. Renode is not packaged for Debian 12, so CI does
not run this; with Renode installed:

    renode-test tests/renode/tvmcrt.robot --variable BUILD:$PWD/build

*** Settings ***
Suite Setup         Setup
Suite Teardown      Teardown
Test Teardown       Test Teardown
Resource            ${RENODEKEYWORDS}
Library             Process

*** Variables ***
${ROOT}             ${CURDIR}/../..
${BUILD}            ${ROOT}/build
${PORT}             3456
${PYTHON}           /usr/bin/python3

*** Keywords ***
Boot Board
    [Arguments]    ${image}=tvmcrt-fw.elf
    Execute Command    $bin=@${BUILD}/firmware/${image}
    Execute Command    $port=${PORT}
    Execute Script     ${CURDIR}/tvmcrt.resc
    Start Emulation

Device Session Should Pass
    [Arguments]    ${scenario}
    ${result}=    Run Process    ${PYTHON}    ${ROOT}/tests/firmware/device_session.py    ${scenario}
    ...    --host    ${BUILD}/host/cli/tvmcrt-host    --root    ${ROOT}
    ...    env:TVMCRT_PORT=socket://127.0.0.1:${PORT}    timeout=300s
    Log    ${result.stdout}
    Log    ${result.stderr}
    Should Contain    ${result.stdout}    ${scenario}: PASSED
    Should Be Equal As Integers    ${result.rc}    0

*** Test Cases ***
Info
    Boot Board
    Device Session Should Pass    info

Execute Both Models
    Boot Board
    Device Session Should Pass    execute

Set Workspaces
    Boot Board
    Device Session Should Pass    set_workspaces

Held-Out Digits Match Numpy
    Boot Board
    Device Session Should Pass    heldout

Last Error After A Model Error
    Boot Board    tvmcrt-fw-test.elf
    Device Session Should Pass    last_error

A Model Crash Resets The Board
    Boot Board    tvmcrt-fw-test.elf
    Device Session Should Pass    crash_reset

A 16 KiB Output Comes Back In One Response
    Boot Board    tvmcrt-fw-test.elf
    Device Session Should Pass    large_output
