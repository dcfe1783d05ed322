#define BOOST_TEST_MODULE suggest_tests
#include <boost/test/unit_test.hpp>
