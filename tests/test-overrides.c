/* placeholder, filled below */
#include "rpt-test-util.h"
int
main (int argc, char *argv[])
{
  rpt_test_init (&argc, &argv);
  return g_test_run ();
}
