#include "CProcessTuning.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int32_t winnow_keep_heap_slack(int32_t bytes) {
#if defined(__GLIBC__)
    return mallopt(M_TOP_PAD, bytes) == 1 ? 1 : 0;
#else
    (void)bytes;
    return 0;
#endif
}
