#include "cli.h"
int cmd_simulate(int argc, char **argv) { (void)argc; (void)argv; return 2; }
