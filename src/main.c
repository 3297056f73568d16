/* main.c - fwsim's entry point; all the work is in the library. */
#include "cli.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
