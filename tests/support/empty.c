/* Keeps the test-support library non-empty before any helper is added. */
typedef int zwh_test_support_translation_unit_is_not_empty;
