#define BOOST_TEST_MODULE sheets_tests
#include <boost/test/unit_test.hpp>
