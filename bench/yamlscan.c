/* yamlscan: the benchmark baseline -- a bare libyaml event scan.
 *
 *   cc -O2 bench/yamlscan.c $(pkg-config --cflags --libs yaml-0.1) -o build/yamlscan
 *   build/yamlscan FILE
 *
 * Parses FILE with yaml_parser_parse() until STREAM_END, deleting every event,
 * and prints the number of events.  No tree, no checks: this is the floor that
 * any libyaml-based validator (fwsim) is measured against.
 * Exit 0 on success, 1 on a parse error, 2 on usage / I-O error.
 */
#include <stdio.h>
#include <yaml.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: yamlscan FILE\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        fprintf(stderr, "yamlscan: cannot initialize parser\n");
        fclose(f);
        return 2;
    }
    yaml_parser_set_input_file(&parser, f);

    unsigned long long events = 0;
    int rc = 0;
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            fprintf(stderr, "%s:%lu:%lu: %s%s%s\n", argv[1],
                    (unsigned long)parser.problem_mark.line + 1,
                    (unsigned long)parser.problem_mark.column + 1,
                    parser.problem ? parser.problem : "parse error",
                    parser.context ? " " : "", parser.context ? parser.context : "");
            rc = 1;
            break;
        }
        events++;
        int done = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
        if (done)
            break;
    }
    yaml_parser_delete(&parser);
    fclose(f);
    if (rc == 0)
        printf("%llu events\n", events);
    return rc;
}
