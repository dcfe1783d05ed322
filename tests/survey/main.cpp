#define BOOST_TEST_MODULE survey_tests
#include <boost/test/unit_test.hpp>
