#include <git2.h>
static inline int cgit2_repository_init_options(git_repository_init_options *o) { return git_repository_init_options_init(o, GIT_REPOSITORY_INIT_OPTIONS_VERSION); }
static inline int cgit2_set_owner_validation(int on) { return git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, on); }
static inline int cgit2_push_options(git_push_options *o) { return git_push_options_init(o, GIT_PUSH_OPTIONS_VERSION); }
static inline int cgit2_fetch_options(git_fetch_options *o) { return git_fetch_options_init(o, GIT_FETCH_OPTIONS_VERSION); }
static inline int cgit2_diff_options(git_diff_options *o) { return git_diff_options_init(o, GIT_DIFF_OPTIONS_VERSION); }
